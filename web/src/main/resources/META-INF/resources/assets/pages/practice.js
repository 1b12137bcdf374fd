import { currentAccount, get } from '../api.js';
import { startSession } from '../sessions.js';
import { $, el, header, onSubmit, refusal, invalid } from '../ui.js';

const content = $('#content');


async function render() {
  const account = await currentAccount();
  header(account);
  if (account.role !== 'candidate') {
    content.replaceChildren(el('div', { class: 'refusal', role: 'alert' }, 'Only candidates practise: this page is not for your role.'));
    return;
  }
  const themes = await get('/api/themes');
  const cohorts = account.cohorts || [];
  const form = el('form', { class: 'card', novalidate: true },
    el('fieldset', { 'data-field': 'themes' },
      el('legend', {}, 'Themes'),
      el('p', { class: 'hint' }, 'Choose one or more; questions are drawn from these.'),
      el('div', { class: 'choices' }, themes.map((theme) =>
        el('label', { title: theme.covers },
          el('input', { type: 'checkbox', name: 'themes', value: theme.id }), theme.title)))),
    el('label', { for: 'questionCount' }, 'Number of questions'),
    el('p', { class: 'hint', id: 'count-hint' }, 'About 3 to 5 minutes each.'),
    el('input', { id: 'questionCount', name: 'questionCount', type: 'number', min: '1', max: '20', value: '3', 'aria-describedby': 'count-hint' }),
    el('fieldset', { 'data-field': 'mode' },
      el('legend', {}, 'Who rates the answers'),
      el('div', { class: 'choices' },
        el('label', {}, el('input', { type: 'radio', name: 'mode', value: 'self', checked: true }), 'I rate myself'),
        el('label', {}, el('input', { type: 'radio', name: 'mode', value: 'coach' }), 'My coach reviews them (I rate myself too)'),
        el('label', {}, el('input', { type: 'radio', name: 'mode', value: 'peer' }), 'A cohort-mate rates them (I rate myself too)'))),
    el('fieldset', { 'data-field': 'mock' },
      el('legend', {}, 'Mock interview'),
      el('p', { class: 'hint', id: 'mock-hint' }, 'As in a real interview: a countdown per question, and the guidance and your ratings only after the last answer.'),
      el('div', { class: 'choices' },
        el('label', {}, el('input', { type: 'checkbox', name: 'mock', id: 'mock', value: 'on', 'aria-describedby': 'mock-hint' }), 'Practise as a mock interview')),
      el('label', { for: 'mockMinutes' }, 'Minutes per question'),
      el('select', { id: 'mockMinutes', name: 'mockMinutes' },
        [2, 3, 4, 5].map((m) => el('option', { value: String(m), selected: m === 4 }, `${m} min`)))),
    el('label', { for: 'cohortId' }, 'Cohort (for a coach or cohort-mate review)'),
    cohorts.length
      ? el('select', { id: 'cohortId', name: 'cohortId' }, el('option', { value: '' }, 'None'),
        cohorts.map((c) => el('option', { value: c.cohortId }, c.name || c.cohortId)))
      : el('input', { id: 'cohortId', name: 'cohortId', type: 'text', placeholder: 'the cohort id your coach gave you' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Start the session')));
  if (cohorts.length === 1) form.querySelector('#cohortId').value = cohorts[0].cohortId;
  onSubmit(form, (data) => {
    if (!data.getAll('themes').length) throw invalid([{ field: 'themes', message: 'Choose a theme: at least one' }]);
    const mode = data.get('mode');
    return startSession({
      themes: data.getAll('themes'),
      questionCount: Number(data.get('questionCount')),
      mode,
      cohortId: data.get('cohortId') || null,
      mockSeconds: data.get('mock') ? Number(data.get('mockMinutes')) * 60 : null,
    });
  });
  content.replaceChildren(form);
  content.removeAttribute('aria-busy');
}

render().catch((e) => refusal(content, e));
