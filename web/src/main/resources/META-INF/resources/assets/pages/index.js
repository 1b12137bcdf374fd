import { currentAccount, homeOf } from '../api.js';

currentAccount().then((account) => location.replace(homeOf(account.role)));
