// The question bank: browse and search by theme, difficulty and words; a coach or an admin adds, revises and retires
// questions.
import { currentAccount, get, post, api } from '../api.js';
import {
  $, el, fill, header, onSubmit, refusal, invalid, day,
} from '../ui.js';

const content = $('#content');
const DIFFICULTIES = [['foundation', 'Foundation'], ['intermediate', 'Intermediate'], ['advanced', 'Advanced']];
const PAGE_SIZE = 20;
const titles = {};
const state = { theme: '', difficulty: '', words: '', retired: false, page: 0 };
let all = [];
/** Coaches and admins keep the bank; candidates browse it. */
let keeper = false;

/** The whole bank (a catalogue of about a hundred questions), read a hundred at a time. */
async function loadAll() {
  const items = [];
  for (let page = 0; ; page++) {
    const answer = await get(`/api/questions?page=${page}&size=100`);
    items.push(...answer.items);
    if (page + 1 >= answer.totalPages) break;
  }
  all = items;
}

function matching() {
  const words = state.words.toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((q) => (state.retired || q.active)
    && (!state.theme || q.theme === state.theme)
    && (!state.difficulty || q.difficulty === state.difficulty)
    && words.every((w) => `${q.prompt} ${q.strongAnswer || ''}`.toLowerCase().includes(w)));
}

function select(id, label, options, value, onChange) {
  const node = el('select', { id, name: id }, options.map(([v, t]) => el('option', { value: v, selected: v === value }, t)));
  node.addEventListener('change', () => onChange(node.value));
  return el('div', {}, el('label', { for: id }, label), node);
}

function questionForm(question, onDone) {
  const revising = Boolean(question);
  const form = el('form', { class: revising ? 'row-action' : 'card', novalidate: true, id: revising ? `revise-${question.questionId}` : 'add-question' },
    revising ? null : el('h2', {}, 'Add a question'),
    revising ? null : el('label', { for: 'new-theme' }, 'Theme'),
    revising ? null : el('select', { id: 'new-theme', name: 'theme' }, el('option', { value: '' }, 'Choose a theme'),
      Object.entries(titles).map(([id, title]) => el('option', { value: id }, title))),
    el('label', { for: `${formId(question)}-difficulty` }, 'Difficulty'),
    el('select', { id: `${formId(question)}-difficulty`, name: 'difficulty' },
      DIFFICULTIES.map(([v, t]) => el('option', { value: v, selected: revising && question.difficulty === v }, t))),
    el('label', { for: `${formId(question)}-prompt` }, 'Prompt (the question as a candidate reads it)'),
    el('textarea', { id: `${formId(question)}-prompt`, name: 'prompt', style: 'min-height:4rem' }),
    el('label', { for: `${formId(question)}-guidance` }, 'What a strong answer shows (the guidance raters score against)'),
    el('textarea', { id: `${formId(question)}-guidance`, name: 'strongAnswer', style: 'min-height:5rem' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, revising ? 'Save the revision' : 'Add the question')));
  if (revising) {
    form.querySelector('[name=prompt]').value = question.prompt;
    form.querySelector('[name=strongAnswer]').value = question.strongAnswer || '';
  }
  onSubmit(form, async (data) => {
    const missing = [];
    if (!revising && !data.get('theme')) missing.push({ field: 'theme', message: 'Choose a theme' });
    if (!String(data.get('prompt')).trim()) missing.push({ field: 'prompt', message: 'Write the prompt' });
    if (!String(data.get('strongAnswer')).trim()) missing.push({ field: 'strongAnswer', message: 'Write what a strong answer shows' });
    if (missing.length) throw invalid(missing);
    const body = { difficulty: data.get('difficulty'), prompt: data.get('prompt'), strongAnswer: data.get('strongAnswer') };
    if (revising) {
      await api('PUT', `/api/questions/${encodeURIComponent(question.questionId)}`, body);
      await onDone('Revised.');
    } else {
      const added = await post('/api/questions', { ...body, theme: data.get('theme') });
      await onDone('Added: it is in the bank for new sessions.', added.questionId);
    }
  }, { 'rule:prompt-too-long': 'prompt', 'rule:guidance-too-long': 'strongAnswer' });
  return form;
}

function formId(question) {
  return question ? `q-${question.questionId}` : 'new';
}

/**
 * The read side follows within moments: wait until the bank shows the change, then draw. Should it take longer (a
 * busy node), say so, and keep looking in the background for half a minute more; the list is redrawn, filters kept,
 * once the change shows.
 */
async function reloadUntil(until, message) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  for (let attempt = 0; attempt < 20; attempt++) {
    await loadAll();
    if (until()) {
      draw(message);
      return;
    }
    await pause();
  }
  draw(`${message} The list shows it in a moment.`);
  for (let attempt = 0; attempt < 120; attempt++) {
    await pause();
    await loadAll();
    if (until()) {
      draw(message);
      return;
    }
  }
}

function row(q) {
  const actions = keeper ? el('details', {},
    el('summary', {}, 'Revise or retire'),
    el('div', { class: 'row-actions' },
      questionForm(q, (message) => reloadUntil(() => all.some((x) => x.questionId === q.questionId && x.revisedAt !== q.revisedAt), message)),
      q.active ? el('form', { class: 'row-action danger', novalidate: true, id: `retire-${q.questionId}` },
        el('p', { class: 'hint' }, 'No new session asks a retired question; answers already given keep it.'),
        el('button', { type: 'submit' }, 'Retire this question')) : null)) : null;
  if (actions && q.active) {
    const retire = actions.querySelector(`#retire-${CSS.escape(q.questionId)}`);
    onSubmit(retire, async () => {
      await post(`/api/questions/${encodeURIComponent(q.questionId)}/retire`, {});
      await reloadUntil(() => all.some((x) => x.questionId === q.questionId && !x.active), 'Retired.');
    });
  }
  return el('li', { 'data-question': q.questionId, 'data-active': String(q.active) },
    el('p', { class: 'prompt' }, q.prompt),
    el('p', { class: 'muted' }, `${titles[q.theme] || q.theme} · ${q.difficulty}`, q.active ? '' : ` · retired ${day(q.retiredAt)}`,
      q.revisedAt ? ` · revised ${day(q.revisedAt)}` : ''),
    el('details', {}, el('summary', {}, 'What a strong answer shows'), el('div', { class: 'guidance' }, q.strongAnswer || '—')),
    actions);
}

function draw(message) {
  const redraw = () => { state.page = 0; draw(); };
  const words = el('input', { type: 'search', id: 'search', name: 'search', value: state.words, placeholder: 'index, JWT, merge…' });
  words.addEventListener('input', () => { state.words = words.value; state.page = 0; drawList(); });
  const retired = el('input', { type: 'checkbox', id: 'show-retired', checked: state.retired });
  retired.addEventListener('change', () => { state.retired = retired.checked; redraw(); });
  const list = el('div', { id: 'bank' });
  function drawList() {
    const now = matching();
    const count = Math.max(1, Math.ceil(now.length / PAGE_SIZE));
    const slice = now.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
    fill(list,
      el('p', { class: 'status-line', id: 'bank-count', 'aria-live': 'polite' }, `${now.length} question${now.length === 1 ? '' : 's'}${count > 1 ? ` · page ${state.page + 1} of ${count}` : ''}`),
      slice.length ? el('ul', { class: 'plain', id: 'questions' }, slice.map(row)) : el('p', {}, 'No question matches.'),
      count > 1 ? el('div', { class: 'pager' },
        el('button', { type: 'button', class: 'secondary', disabled: state.page === 0, onclick: () => { state.page -= 1; drawList(); } }, 'Previous'),
        el('button', { type: 'button', class: 'secondary', id: 'bank-next', disabled: state.page + 1 >= count, onclick: () => { state.page += 1; drawList(); } }, 'Next')) : null);
  }
  fill(content,
    message ? el('p', { class: 'notice', role: 'status', id: 'bank-saved' }, message) : null,
    el('section', { class: 'card', 'aria-label': 'Find questions' },
      el('div', { class: 'review-filters' },
        select('filter-theme', 'Theme', [['', 'Every theme'], ...Object.entries(titles)], state.theme, (v) => { state.theme = v; redraw(); }),
        select('filter-difficulty', 'Difficulty', [['', 'Every difficulty'], ...DIFFICULTIES], state.difficulty, (v) => { state.difficulty = v; redraw(); }),
        el('div', {}, el('label', { for: 'search' }, 'Words in the question or its guidance'), words),
        el('div', { class: 'choices' }, el('label', { for: 'show-retired' }, retired, 'Show retired questions'))),
      list),
    // Waits for the added question itself: a count that grew may be another question the read side caught up with.
    keeper ? questionForm(null, (text, questionId) => reloadUntil(() => all.some((q) => q.questionId === questionId), text))
      : null);
  drawList();
}

async function render() {
  const account = await currentAccount();
  header(account);
  keeper = account.role === 'admin' || account.role === 'coach';
  const themes = await get('/api/themes');
  themes.forEach((t) => { titles[t.id] = t.title; });
  await loadAll();
  content.removeAttribute('aria-busy');
  draw();
}

render().catch((e) => refusal(content, e));
