import { api, currentAccount } from '../api.js';
import { $, el, header, onSubmit, refusal } from '../ui.js';

const content = $('#content');

function passwordField(name, id, label, hint, autocomplete) {
  return [
    el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    el('input', { type: 'password', id, name, required: true, autocomplete, 'aria-describedby': hint ? `${id}-hint` : null }),
  ];
}

/**
 * One's own password, changed with the current one. Every login of the account ends with the change, this page's
 * too, so it says so and leads to the login page.
 */
async function render() {
  const account = await currentAccount();
  header(account);
  const form = el('form', { class: 'card', id: 'password-form', novalidate: true },
    el('p', {}, `Account: ${account.username}.`),
    passwordField('currentPassword', 'current-password', 'Current password', null, 'current-password'),
    passwordField('password', 'new-password', 'New password', 'At least 12 characters; a few unrelated words are easy to remember.', 'new-password'),
    passwordField('repeat', 'repeat-password', 'New password again', null, 'new-password'),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Change my password')));
  content.replaceChildren(form);
  content.removeAttribute('aria-busy');
  onSubmit(form, async (data) => {
    if (data.get('password') !== data.get('repeat')) {
      throw new Error('The two new passwords differ: type the same new password twice.');
    }
    await api('PUT', `/api/accounts/${encodeURIComponent(account.accountId)}/password`,
      { password: data.get('password'), currentPassword: data.get('currentPassword') });
    sessionStorage.removeItem('account');
    content.replaceChildren(el('section', { class: 'card', id: 'password-changed' },
      el('p', { class: 'notice', role: 'status' }, 'Your password is changed. Every login of this account has ended, this one too: log in again with the new password.'),
      el('p', {}, el('a', { class: 'button', href: '/login.html' }, 'Log in'))));
  }, { 'status:403': 'currentPassword', 'status:429': 'currentPassword', 'rule:password-too-short': 'password' });
}

render().catch((e) => refusal(content, e));
