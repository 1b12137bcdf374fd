import { api, homeOf } from '../api.js';
import { $, onSubmit, param } from '../ui.js';

/**
 * Only a path on this site: a crafted link must not send someone elsewhere after logging in. The URL parser decides
 * (browsers read `/\\host` and `/\t/host` as another host), and what is kept is the parsed path, never the raw text.
 */
function safeNext(next = param('next')) {
  if (!next || !next.startsWith('/')) return null;
  let url;
  try {
    url = new URL(next, location.origin);
  } catch (e) {
    return null;
  }
  return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
}

onSubmit($('#login'), async (data) => {
  const body = { username: data.get('username').trim(), password: data.get('password') };
  const answer = await api('POST', '/api/auth/token', body, { anonymous: true }).catch((e) => {
    if (e.status === 401 && !e.fieldErrors.length) {
      e.problem.errors = [{ field: 'password', message: 'The username or the password is wrong, or the account is locked.' }];
    }
    throw e;
  });
  sessionStorage.setItem('account', JSON.stringify(answer.account));
  location.assign(safeNext() || homeOf(answer.account.role));
});
