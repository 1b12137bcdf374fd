import { api, ApiError, currentAccount, get, post } from '../api.js';
import { $, duration, el, header, onSubmit, refusal, when } from '../ui.js';

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

/*
 * Per-row actions. Each row has a "Manage" button that opens a panel under it (one account and one cohort at a time).
 * After an action the lists are re-read until they show the change, then the panel says what happened and takes the
 * focus; a refusal is shown next to the control that was used, with the server's own words.
 */
let openAccount = null;
let openCohort = null;
/** What the last action did, shown in its panel after the redraw: {key, text}. */
let outcome = null;

/** Like onSubmit, but a refusal with no field of its own lands next to the button that was used. */
function act(form, button, handler, aliases = {}) {
  onSubmit(form, async (data, submitter) => {
    try {
      await handler(data, submitter);
    } catch (e) {
      if (e instanceof ApiError && !e.fieldErrors.length && !aliases[`rule:${e.problem.rule}`]) {
        aliases[`status:${e.status}`] = aliases[`status:${e.status}`] || button;
      }
      // The button is still disabled while the refusal is shown: focus it (described by the refusal) once it is not.
      setTimeout(() => {
        const refused = form.querySelector('[aria-invalid=true]');
        if (refused && document.activeElement !== refused) refused.focus();
      });
      throw e;
    }
  }, aliases);
}

async function changed(key, text, path, body, until, method = 'POST') {
  await api(method, path, body);
  await reload(until);
  outcome = { key, text, fresh: true };
  draw();
}

const accountById = (id) => accounts.find((a) => a.accountId === id) || {};
const cohortById = (id) => cohorts.find((c) => c.cohortId === id) || {};

function reasonField(id, label) {
  return [el('label', { for: id }, label), el('input', { id, name: 'reason', type: 'text', maxlength: '1000', autocomplete: 'off' })];
}

function accountPanel(a, n) {
  const key = `account:${a.accountId}`;
  const p = `acc${n}`;
  const who = a.username;
  const status = a.status || 'active';
  const parts = [];
  if (outcome && outcome.key === key) parts.push(el('p', { class: 'notice', role: 'status', tabindex: '-1', 'data-outcome': '' }, outcome.text));
  if (status === 'withdrawn') {
    parts.push(el('p', { class: 'muted' }, 'This account is withdrawn: that is final, nothing about it can change.'));
    if (a.username !== 'erased person') parts.push(eraseForm(a, p, key));
    parts.push(historySection(a));
    return parts;
  }

  if (status === 'locked') {
    const unlock = el('form', { id: `${p}-unlock`, class: 'row-action', novalidate: true },
      el('p', { class: 'hint' }, 'Locked: the person cannot log in, and their open pages are refused.'),
      el('button', { type: 'submit', name: 'unlock' }, `Unlock ${who}`));
    act(unlock, 'unlock', () => changed(key, `Unlocked ${who}: they can log in again.`,
      `/api/accounts/${encodeURIComponent(a.accountId)}/unlock`, {}, () => accountById(a.accountId).status === 'active'));
    parts.push(unlock);
  } else {
    const lock = el('form', { id: `${p}-lock`, class: 'row-action', novalidate: true },
      reasonField(`${p}-lock-reason`, 'Reason for locking (optional)'),
      el('button', { type: 'submit', name: 'lock' }, `Lock ${who}`));
    act(lock, 'lock', (data) => changed(key, `Locked ${who}: they cannot log in until unlocked.`,
      `/api/accounts/${encodeURIComponent(a.accountId)}/lock`, { reason: data.get('reason') || null },
      () => accountById(a.accountId).status === 'locked'), { 'rule:reason-too-long': 'reason' });
    parts.push(lock);
  }

  const role = el('form', { id: `${p}-role`, class: 'row-action', novalidate: true },
    el('label', { for: `${p}-role-select` }, 'Role'),
    el('select', { id: `${p}-role-select`, name: 'role' },
      ['candidate', 'coach', 'admin'].map((r) => el('option', { value: r, selected: r === a.role }, r))),
    el('button', { type: 'submit', name: 'changeRole', class: 'secondary' }, 'Change role'));
  act(role, 'changeRole', (data) => {
    const to = data.get('role');
    return changed(key, `${who} is now ${to === 'admin' ? 'an' : 'a'} ${to}.`, `/api/accounts/${encodeURIComponent(a.accountId)}/role`,
      { role: to }, () => accountById(a.accountId).role === to, 'PUT');
  }, { 'rule:same-role': 'role', 'rule:role': 'role' });
  parts.push(role);

  const password = el('form', { id: `${p}-password`, class: 'row-action', novalidate: true },
    el('label', { for: `${p}-password-input` }, 'New password'),
    el('p', { class: 'hint', id: `${p}-password-hint` }, 'At least 12 characters; share it with the person privately.'),
    el('input', { id: `${p}-password-input`, name: 'password', type: 'password', autocomplete: 'new-password', 'aria-describedby': `${p}-password-hint` }),
    el('button', { type: 'submit', name: 'setPassword', class: 'secondary' }, 'Set the password'));
  act(password, 'setPassword', (data) => changed(key, `Set a new password for ${who}.`,
    `/api/accounts/${encodeURIComponent(a.accountId)}/password`, { password: data.get('password') }, () => true, 'PUT'),
  { 'rule:password-too-short': 'password', 'rule:password-too-long': 'password' });
  parts.push(password);

  const signOut = el('form', { id: `${p}-sign-out`, class: 'row-action', novalidate: true },
    el('p', { class: 'hint' }, 'Ends every login of this account, on every device (a lost phone, a shared computer).'),
    el('button', { type: 'submit', name: 'signOutEverywhere', class: 'secondary' }, `Sign ${who} out everywhere`));
  act(signOut, 'signOutEverywhere', () => changed(key, `Signed ${who} out everywhere: they must log in again.`,
    `/api/accounts/${encodeURIComponent(a.accountId)}/sign-out-everywhere`, {}, () => true));
  parts.push(signOut);

  // Withdrawing is final, so it takes two steps: the first button only asks.
  const withdraw = el('form', { id: `${p}-withdraw`, class: 'row-action danger', novalidate: true },
    reasonField(`${p}-withdraw-reason`, 'Reason for withdrawing (optional)'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', name: 'withdraw', class: 'secondary' }, `Withdraw ${who}…`)));
  act(withdraw, 'withdraw', (data, submitter) => {
    if (!submitter || submitter.value !== 'confirmed') {
      const question = el('p', { class: 'confirm', role: 'alert', tabindex: '-1' },
        `Withdraw ${who} for good? They can never log in again, and the account cannot be unlocked or changed.`);
      withdraw.querySelector('.actions').replaceChildren(question,
        el('button', { type: 'submit', name: 'withdraw', value: 'confirmed' }, `Yes, withdraw ${who}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => {
          draw();
          const again = $(`#${p}-withdraw button[name=withdraw]`);
          if (again) again.focus();
        } }, 'Cancel'));
      question.focus();
      return Promise.resolve();
    }
    return changed(key, `Withdrew ${who}.`, `/api/accounts/${encodeURIComponent(a.accountId)}/withdraw`,
      { reason: data.get('reason') || null }, () => accountById(a.accountId).status === 'withdrawn');
  }, { 'rule:reason-too-long': 'reason' });
  parts.push(withdraw);
  parts.push(historySection(a));
  return parts;
}

/** Erasing is for good, so it takes two steps, and a reason (a request, a regulator's order) is required. */
function eraseForm(a, p, key) {
  const who = a.username;
  const erase = el('form', { id: `${p}-erase`, class: 'row-action danger', novalidate: true },
    el('label', { for: `${p}-erase-reason` }, 'Why the person is erased'),
    el('input', { id: `${p}-erase-reason`, name: 'reason', type: 'text', maxlength: '1000', autocomplete: 'off' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', name: 'erase', class: 'secondary' }, `Erase ${who}…`)));
  act(erase, 'erase', (data, submitter) => {
    if (!String(data.get('reason') || '').trim()) {
      throw new ApiError(400, { errors: [{ field: 'reason', message: 'Say why the person is erased.' }] });
    }
    if (!submitter || submitter.value !== 'confirmed') {
      const question = el('p', { class: 'confirm', role: 'alert', tabindex: '-1' },
        `Erase ${who} for good? Their names, answers and comments can never be read again, by anyone.`);
      erase.querySelector('.actions').replaceChildren(question,
        el('button', { type: 'submit', name: 'erase', value: 'confirmed' }, `Yes, erase ${who}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => draw() }, 'Cancel'));
      question.focus();
      return Promise.resolve();
    }
    return changed(key, `Erased ${who}: the account now reads as "erased person".`,
      `/api/accounts/${encodeURIComponent(a.accountId)}/erase`, { reason: data.get('reason') },
      () => accountById(a.accountId).username === 'erased person');
  }, { 'rule:reason-missing': 'reason', 'rule:reason-too-long': 'reason' });
  return erase;
}

/** Who was allowed what, and when: the account's changes, read from its events when the section is opened. */
function historySection(a) {
  const changes = el('ol', { class: 'history' });
  const details = el('details', { class: 'row-action', 'data-history': a.accountId },
    el('summary', {}, `History of ${a.username}`), changes);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      const history = await get(`/api/admin/accounts/${encodeURIComponent(a.accountId)}/history`);
      changes.replaceChildren(...history.changes.map((c) => el('li', {},
        `${when(c.at)}: ${c.change}`,
        c.role ? ` (${c.previousRole ? `${c.previousRole} → ` : ''}${c.role})` : '',
        ` by ${c.byName || c.by || 'unknown'}`,
        c.reason ? `: ${c.reason}` : '')));
    } catch (error) {
      changes.replaceChildren(el('li', { class: 'form-error', role: 'alert' }, error.message));
    }
  });
  return details;
}

function cohortPanel(c, n) {
  const key = `cohort:${c.cohortId}`;
  const p = `coh${n}`;
  const parts = [];
  if (outcome && outcome.key === key) parts.push(el('p', { class: 'notice', role: 'status', tabindex: '-1', 'data-outcome': '' }, outcome.text));
  const enrolled = c.candidates || [];
  const withdraw = el('form', { id: `${p}-withdraw`, class: 'row-action', novalidate: true },
    el('label', { for: `${p}-candidate` }, 'Candidate to withdraw'),
    el('select', { id: `${p}-candidate`, name: 'candidateId' }, el('option', { value: '' }, enrolled.length ? 'Choose a candidate' : 'Nobody is enrolled'),
      enrolled.map((m) => el('option', { value: m.id }, m.displayName || m.id))),
    reasonField(`${p}-withdraw-reason`, 'Reason (optional)'),
    el('button', { type: 'submit', name: 'withdrawCandidate' }, 'Withdraw from the cohort'));
  act(withdraw, 'withdrawCandidate', (data) => {
    const candidateId = data.get('candidateId');
    if (!candidateId) throw new ApiError(400, { errors: [{ field: 'candidateId', message: 'Choose a candidate.' }] });
    const name = (enrolled.find((m) => m.id === candidateId) || {}).displayName || candidateId;
    return changed(key, `Withdrew ${name} from ${c.name}.`, `/api/cohorts/${encodeURIComponent(c.cohortId)}/withdrawals`,
      { candidateId, reason: data.get('reason') || null },
      () => !(cohortById(c.cohortId).candidates || []).some((m) => m.id === candidateId));
  }, { 'rule:reason-too-long': 'reason' });

  const coach = el('form', { id: `${p}-coach`, class: 'row-action', novalidate: true },
    el('label', { for: `${p}-coach-select` }, 'New coach'),
    el('select', { id: `${p}-coach-select`, name: 'coachId' }, el('option', { value: '' }, 'Choose a coach'),
      people('coach').map(([value, label]) => el('option', { value, selected: c.coach && c.coach.id === value }, label))),
    el('button', { type: 'submit', name: 'assignCoach', class: 'secondary' }, 'Reassign the coach'));
  act(coach, 'assignCoach', (data) => {
    const coachId = data.get('coachId');
    if (!coachId) throw new ApiError(400, { errors: [{ field: 'coachId', message: 'Choose a coach.' }] });
    const label = (accountById(coachId).displayName) || coachId;
    return changed(key, `${label} now coaches ${c.name}.`, `/api/cohorts/${encodeURIComponent(c.cohortId)}/coach`,
      { coachId }, () => (cohortById(c.cohortId).coach || {}).id === coachId, 'PUT');
  }, { 'rule:same-coach': 'coachId', 'rule:not-an-active-coach': 'coachId' });
  parts.push(withdraw, coach);
  return parts;
}

/** A row's "Manage" toggle; the panel is a row of its own under it, so it has the table's whole width. */
function manageButton(label, isOpen, panelId, toggle) {
  return el('button', { type: 'button', class: 'secondary small', 'aria-expanded': String(isOpen), 'aria-controls': isOpen ? panelId : null,
    onclick: () => {
      toggle();
      outcome = null;
      draw();
      const again = document.querySelector(`[data-toggle="${panelId}"]`);
      if (again) again.focus();
    }, 'data-toggle': panelId }, label);
}

function tables() {
  return el('div', {},
    el('section', { class: 'card', 'aria-labelledby': 'accounts-title' }, el('h2', { id: 'accounts-title' }, 'Accounts'),
      el('div', { class: 'table-wrap' }, el('table', { id: 'accounts', class: 'stack-sm' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Username'), el('th', {}, 'Name'), el('th', {}, 'Role'), el('th', {}, 'Status'), el('th', {}, 'Actions'))),
        el('tbody', {}, accounts.flatMap((a, n) => {
          const isOpen = openAccount === a.accountId;
          const panelId = `acc${n}-panel`;
          return [el('tr', { 'data-account': a.accountId }, el('td', { 'data-label': 'Username' }, a.username),
            el('td', { 'data-label': 'Name' }, a.displayName || ''), el('td', { 'data-label': 'Role' }, a.role),
            el('td', { 'data-label': 'Status', class: `status status-${a.status || 'active'}` }, a.status || ''),
            el('td', {}, manageButton(`Manage ${a.username}`, isOpen, panelId, () => (openAccount = isOpen ? null : a.accountId)))),
          isOpen ? el('tr', { class: 'panel', id: panelId }, el('td', { colspan: '5' },
            el('div', { class: 'row-actions', role: 'group', 'aria-label': `Actions for ${a.username}` }, accountPanel(a, n)))) : null];
        }))))),
    el('section', { class: 'card', 'aria-labelledby': 'cohorts-title' }, el('h2', { id: 'cohorts-title' }, 'Cohorts'),
      el('div', { class: 'table-wrap' }, el('table', { id: 'cohorts', class: 'stack-sm' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Coach'), el('th', { class: 'num' }, 'Enrolled'), el('th', {}, 'Candidates'),
          el('th', {}, 'Created'), el('th', {}, 'Actions'))),
        el('tbody', {}, cohorts.flatMap((c, n) => {
          const isOpen = openCohort === c.cohortId;
          const panelId = `coh${n}-panel`;
          return [el('tr', { 'data-cohort': c.cohortId }, el('td', { 'data-label': 'Name' }, c.name),
            el('td', { 'data-label': 'Coach' }, c.coach ? c.coach.displayName || c.coach.id || '' : ''),
            el('td', { class: 'num', 'data-label': 'Enrolled' }, String(c.enrolled)),
            el('td', { 'data-label': 'Candidates' }, (c.candidates || []).map((m) => m.displayName || m.id).join(', ')),
            el('td', { 'data-label': 'Created' }, when(c.createdAt)),
            el('td', {}, manageButton(`Manage ${c.name}`, isOpen, panelId, () => (openCohort = isOpen ? null : c.cohortId)))),
          isOpen ? el('tr', { class: 'panel', id: panelId }, el('td', { colspan: '6' },
            el('div', { class: 'row-actions', role: 'group', 'aria-label': `Actions for ${c.name}` }, cohortPanel(c, n)))) : null];
        }))))));
}

/*
 * The read models: rebuilding them from the event store (readers see the current ones, whole, until the rebuilt ones
 * replace them in one step), its progress while it runs, and the events a projection could not handle.
 */
const numbers = new Intl.NumberFormat();

function rebuildText(progress) {
  if (progress.state === 'running') {
    return `Rebuilding: ${numbers.format(progress.eventsDone)} of ${numbers.format(progress.eventsTotal)} events`
      + ` (${Math.floor(progress.percentDone)} %), ${numbers.format(Math.round(progress.eventsPerSecond))} events/s,`
      + ` started ${when(progress.startedAt)}. Pages keep showing the current read models until it is done.`;
  }
  if (progress.state === 'done') {
    const took = progress.startedAt && progress.finishedAt
      ? (Date.parse(progress.finishedAt) - Date.parse(progress.startedAt)) / 1000 : null;
    return `Last rebuild done ${when(progress.finishedAt)}: ${numbers.format(progress.eventsTotal)} events`
      + `${took !== null ? ` in ${duration(Math.max(1, Math.round(took)))}` : ''}`
      + ` (${numbers.format(Math.round(progress.eventsPerSecond))} events/s).`;
  }
  return 'No rebuild since this query node started: the read models are kept current from the event store as events arrive.';
}

let polling = null;

function readModelsSection() {
  const status = el('p', { id: 'rebuild-status', role: 'status' }, 'Reading the rebuild\'s state…');
  const bar = el('progress', { id: 'rebuild-progress', max: '100', 'aria-label': 'Rebuild progress', hidden: true });
  const form = el('form', { id: 'rebuild', novalidate: true },
    el('p', { class: 'hint' }, 'Replays every event into fresh tables beside the live ones, then switches over in one'
      + ' transaction: until then every page shows the current read models, whole. Use it after a projection was changed.'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', name: 'rebuild', class: 'secondary' }, 'Rebuild the read models…')));
  const letters = el('div', { id: 'dead-letters' });

  const show = (progress) => {
    status.textContent = rebuildText(progress);
    const running = progress.state === 'running';
    bar.hidden = !running;
    if (running) bar.value = progress.percentDone;
    form.querySelector('button[name=rebuild]').disabled = running;
    if (running && !polling) {
      polling = setInterval(() => get('/api/admin/rebuild').then((next) => {
        if (next.state !== 'running') {
          clearInterval(polling);
          polling = null;
          reload();
        }
        show(next);
      }).catch((e) => { status.textContent = `The rebuild's state could not be read: ${e.message}`; }), 1000);
    }
  };

  act(form, 'rebuild', (data, submitter) => {
    if (!submitter || submitter.value !== 'confirmed') {
      const question = el('p', { class: 'confirm', role: 'alert', tabindex: '-1' },
        'Rebuild every read model from the event store? Pages stay as they are until it is done.');
      form.querySelector('.actions').replaceChildren(question,
        el('button', { type: 'submit', name: 'rebuild', value: 'confirmed' }, 'Yes, rebuild'),
        el('button', { type: 'button', class: 'secondary', onclick: () => forms.readModels.replaceChildren(readModelsSection()) }, 'Cancel'));
      question.focus();
      return Promise.resolve();
    }
    return post('/api/admin/rebuild', {}).then((progress) => {
      form.querySelector('.actions').replaceChildren(
        el('button', { type: 'submit', name: 'rebuild', class: 'secondary', disabled: true }, 'Rebuild the read models…'));
      show(progress);
      status.focus();
    });
  });

  const showLetters = (summary) => {
    if (!summary.letters) {
      letters.replaceChildren(el('p', { class: 'muted' }, 'No dead letters: every event was handled by every projection.'));
      return;
    }
    const retry = el('form', { id: 'retry-dead-letters', novalidate: true },
      el('button', { type: 'submit', name: 'retry', class: 'secondary' }, 'Retry them'));
    act(retry, 'retry', () => post('/api/admin/dead-letters/retry', {}).then((outcomeOfRetry) => {
      letters.prepend(el('p', { class: 'notice', role: 'status' },
        `Retried: ${outcomeOfRetry.sequencesSucceeded} succeeded, ${outcomeOfRetry.lettersLeft} left.`));
      return get('/api/admin/dead-letters?limit=20').then(showLetters);
    }));
    letters.replaceChildren(
      el('p', {}, `${summary.letters} event${summary.letters === 1 ? '' : 's'} a projection could not handle`
        + ` (${summary.sequences} sequence${summary.sequences === 1 ? '' : 's'} held back until retried):`),
      el('ul', {}, summary.details.map((d) => el('li', {}, `${d.eventType} of ${when(d.eventTime)}`))),
      retry);
  };

  get('/api/admin/rebuild').then(show).catch((e) => { status.textContent = `The rebuild's state could not be read: ${e.message}`; });
  get('/api/admin/dead-letters?limit=20').then(showLetters)
    .catch((e) => letters.replaceChildren(el('p', { class: 'form-error', role: 'alert' }, e.message)));
  return el('section', { class: 'card', id: 'read-models', 'aria-labelledby': 'read-models-title' },
    el('h2', { id: 'read-models-title' }, 'Read models'), status, bar, form, el('h3', {}, 'Dead letters'), letters);
}

/*
 * Personal data: how long the person of a withdrawn account is kept before being erased automatically
 * (docs/privacy.md#retention). The command side erases them; the read side shows the period and what comes next.
 */
function retentionText(retention) {
  if (!retention.withdrawnErasedAfterDays) {
    return `Withdrawn accounts are erased only by hand (an admin's "Erase" on the account)${retention.setAt ? `; set ${when(retention.setAt)} by ${retention.setByName || retention.setBy}` : ''}.`;
  }
  const waiting = retention.awaitingErasure;
  return `Withdrawn accounts are erased ${retention.withdrawnErasedAfterDays} days after their withdrawal;`
    + ` set ${when(retention.setAt)} by ${retention.setByName || retention.setBy}. `
    + (waiting ? `${waiting} withdrawn account${waiting === 1 ? ' is' : 's are'} still kept; the next is erased at the first check after ${when(retention.nextErasureAt)}.`
      : 'No withdrawn account is waiting to be erased.');
}

function retentionSection() {
  const status = el('p', { id: 'retention-status', role: 'status' }, 'Reading the retention period…');
  const form = el('form', { id: 'retention', novalidate: true },
    el('label', { for: 'retention-days' }, 'Erase withdrawn accounts after (days)'),
    el('p', { class: 'hint', id: 'retention-days-hint' }, '1 to 3650 days after the withdrawal; the account\'s events stay,'
      + ' its names, answers and comments read as "erased person" from then on.'),
    el('input', { id: 'retention-days', name: 'withdrawnErasedAfter', type: 'number', min: '1', max: '3650', step: '1', inputmode: 'numeric',
      'aria-describedby': 'retention-days-hint' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', name: 'setRetention', value: 'days' }, 'Set the period'),
      el('button', { type: 'submit', name: 'setRetention', value: 'never', class: 'secondary' }, 'Erase only by hand')));
  const refresh = (until = () => true) => (async () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const retention = await get('/api/admin/retention');
      if (until(retention) || attempt === 11) {
        status.textContent = retentionText(retention);
        if (retention.withdrawnErasedAfterDays) form.querySelector('#retention-days').value = retention.withdrawnErasedAfterDays;
        return;
      }
      await sleep(250);
    }
  })().catch((e) => { status.textContent = `The retention period could not be read: ${e.message}`; });
  act(form, 'setRetention', async (data, submitter) => {
    const never = submitter && submitter.value === 'never';
    const days = String(data.get('withdrawnErasedAfter') || '').trim();
    if (!never && !/^[0-9]+$/.test(days)) {
      throw new ApiError(400, { errors: [{ field: 'withdrawnErasedAfter', message: 'Give a whole number of days, from 1 to 3650.' }] });
    }
    const answer = await api('PUT', '/api/admin/retention', { withdrawnErasedAfter: never ? null : `P${days}D` });
    form.querySelectorAll('.notice').forEach((node) => node.remove());
    form.prepend(el('p', { class: 'notice', role: 'status' }, `Saved: ${answer.outcome}.`));
    await refresh((r) => (never ? !r.withdrawnErasedAfterDays : r.withdrawnErasedAfterDays === Number(days)));
  }, { 'rule:retention-period': 'withdrawnErasedAfter', 'rule:no-change': 'withdrawnErasedAfter' });
  refresh();
  return el('section', { class: 'card', id: 'personal-data', 'aria-labelledby': 'personal-data-title' },
    el('h2', { id: 'personal-data-title' }, 'Personal data'), status, form);
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
    forms = { account: accountForm(), cohort: cohortForm(), enrol: enrolForm(), tables: el('div', {}), readModels: el('div', {}) };
    forms.readModels.replaceChildren(readModelsSection());
    content.replaceChildren(el('div', { class: 'grid2' }, forms.account, el('div', {}, forms.cohort, forms.enrol)), forms.tables,
      el('div', { class: 'grid2' }, retentionSection(), forms.readModels));
  }
  refill($('#coachId'), people('coach'));
  refill($('#candidateId'), people('candidate'));
  refill($('#enrolCohort'), cohorts.map((c) => [c.cohortId, c.name]));
  forms.tables.replaceChildren(tables());
  const said = $('[data-outcome]');
  if (said && outcome && outcome.fresh) {
    outcome.fresh = false;
    said.focus();
  }
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
