import { ApiError, currentAccount, get, post } from '../api.js';
import { $, el, header, onSubmit, refusal, when } from '../ui.js';

const content = $('#content');
let accounts = [];
let cohorts = [];

const list = (answer) => (Array.isArray(answer) ? answer : (answer && answer.items) || []);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lists come from the read model, a moment behind the command just accepted: wait until it shows. */
async function reload(until = () => true) {
  for (let attempt = 0; attempt < 12; attempt++) {
    [accounts, cohorts] = await Promise.all([
      get('/api/admin/accounts?size=100').then(list).catch(() => accounts),
      get('/api/admin/cohorts?size=100').then(list).catch(() => cohorts),
    ]);
    if (until()) break;
    await sleep(250);
  }
  draw();
}

function text(id, label, hint, attrs = {}) {
  return [el('label', { for: id }, label), hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    el('input', { id, name: attrs.name || id, type: attrs.type || 'text', 'aria-describedby': hint ? `${id}-hint` : null, autocomplete: 'off', ...attrs.extra })];
}

function done(form, message) {
  form.reset();
  form.querySelectorAll('.notice').forEach((node) => node.remove());
  const note = el('p', { class: 'notice', role: 'status' }, message);
  form.prepend(note);
}

function accountForm() {
  const form = el('form', { class: 'card', id: 'create-account', novalidate: true, 'aria-labelledby': 'account-title' },
    el('h2', { id: 'account-title' }, 'Create an account'),
    text('username', 'Username', '3 to 64 lower-case letters, digits, dots, dashes or underscores; the person logs in with it.'),
    text('displayName', 'Display name'),
    el('label', { for: 'role' }, 'Role'),
    el('select', { id: 'role', name: 'role' }, ['candidate', 'coach', 'admin'].map((r) => el('option', { value: r }, r))),
    text('password', 'Initial password', 'At least 12 characters; share it with the person privately.', { type: 'password', extra: { autocomplete: 'new-password' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create the account')));
  onSubmit(form, async (data) => {
    const created = await post('/api/accounts', {
      username: data.get('username').trim(), displayName: data.get('displayName').trim(), role: data.get('role'), password: data.get('password'),
    });
    const id = created.accountId || (created.account && created.account.accountId);
    done(form, `Created ${data.get('username')} (${data.get('role')})${id ? `, id ${id}` : ''}.`);
    await reload(() => !id || accounts.some((a) => a.accountId === id));
  }, { 'status:409': 'username', 'rule:username': 'username', 'rule:display-name': 'displayName', 'rule:password-too-short': 'password', 'rule:password-too-long': 'password', 'rule:role': 'role' });
  return form;
}

/** A picker of active accounts of one role; its options follow the list as accounts are created. */
function personField(id, label, role, name) {
  return [el('label', { for: id }, label), el('select', { id, name }, el('option', { value: '' }, `Choose a ${role}`))];
}

function cohortForm() {
  const form = el('form', { class: 'card', id: 'create-cohort', novalidate: true, 'aria-labelledby': 'cohort-title' },
    el('h2', { id: 'cohort-title' }, 'Create a cohort'),
    text('cohortName', 'Name', null, { name: 'name' }),
    personField('coachId', 'Coach', 'coach', 'coachId'),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create the cohort')));
  onSubmit(form, async (data) => {
    const created = await post('/api/cohorts', { name: data.get('name').trim(), coachId: data.get('coachId') || null });
    done(form, `Created the cohort ${created.name}.`);
    await reload(() => cohorts.some((c) => c.cohortId === created.cohortId));
  }, { 'rule:cohort-name': 'name', 'rule:not-an-active-coach': 'coachId' });
  return form;
}

function enrolForm() {
  const form = el('form', { class: 'card', id: 'enrol', novalidate: true, 'aria-labelledby': 'enrol-title' },
    el('h2', { id: 'enrol-title' }, 'Enrol a candidate'),
    el('label', { for: 'enrolCohort' }, 'Cohort'),
    el('select', { id: 'enrolCohort', name: 'cohortId' }, el('option', { value: '' }, 'Choose a cohort'),
      cohorts.map((c) => el('option', { value: c.cohortId }, c.name))),
    personField('candidateId', 'Candidate', 'candidate', 'candidateId'),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Enrol')));
  onSubmit(form, async (data) => {
    const cohortId = data.get('cohortId');
    if (!cohortId) {
      throw new ApiError(400, { errors: [{ field: 'cohortId', message: 'Choose a cohort.' }] });
    }
    await post(`/api/cohorts/${encodeURIComponent(cohortId)}/enrolments`, { candidateId: data.get('candidateId') || null });
    const candidateId = data.get('candidateId');
    done(form, `Enrolled ${candidateId}.`);
    await reload(() => cohorts.some((c) => c.cohortId === cohortId && (c.candidates || []).some((p) => p.id === candidateId)));
  }, { 'status:404': 'cohortId' });
  return form;
}

function tables() {
  return el('div', { class: 'grid2' },
    el('section', { class: 'card', 'aria-labelledby': 'accounts-title' }, el('h2', { id: 'accounts-title' }, 'Accounts'),
      el('div', { class: 'table-wrap' }, el('table', { id: 'accounts' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Username'), el('th', {}, 'Name'), el('th', {}, 'Role'), el('th', {}, 'Status'))),
        el('tbody', {}, accounts.map((a) => el('tr', {}, el('td', {}, a.username), el('td', {}, a.displayName || ''),
          el('td', {}, a.role), el('td', {}, a.status || ''))))))),
    el('section', { class: 'card', 'aria-labelledby': 'cohorts-title' }, el('h2', { id: 'cohorts-title' }, 'Cohorts'),
      el('div', { class: 'table-wrap' }, el('table', { id: 'cohorts' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Coach'), el('th', { class: 'num' }, 'Enrolled'), el('th', {}, 'Created'))),
        el('tbody', {}, cohorts.map((c) => el('tr', {}, el('td', {}, c.name), el('td', {}, c.coach ? c.coach.displayName || c.coach.id : ''),
          el('td', { class: 'num' }, String(c.enrolled)), el('td', {}, when(c.createdAt)))))))));
}

let forms;
/** Refreshes a picker's options from the lists, keeping what is chosen. */
function refill(select, options) {
  if (!select || select.tagName !== 'SELECT') return;
  const chosen = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...options.map(([value, label]) => el('option', { value }, label)));
  select.value = chosen;
}

const people = (role) => accounts.filter((a) => a.role === role && (a.status || 'active') === 'active')
  .map((a) => [a.accountId, `${a.displayName || a.username} (${a.username})`]);

function draw() {
  if (!forms) {
    forms = { account: accountForm(), cohort: cohortForm(), enrol: enrolForm(), tables: el('div', {}) };
    content.replaceChildren(el('div', { class: 'grid2' }, forms.account, el('div', {}, forms.cohort, forms.enrol)), forms.tables);
  }
  refill($('#coachId'), people('coach'));
  refill($('#candidateId'), people('candidate'));
  refill($('#enrolCohort'), cohorts.map((c) => [c.cohortId, c.name]));
  forms.tables.replaceChildren(tables());
}

async function render() {
  const account = await currentAccount();
  header(account);
  if (account.role !== 'admin') {
    content.replaceChildren(el('div', { class: 'refusal', role: 'alert' }, 'You do not have access to this page: only an admin manages accounts and cohorts.'));
    return;
  }
  await reload();
  content.removeAttribute('aria-busy');
}

render().catch((e) => refusal(content, e));
