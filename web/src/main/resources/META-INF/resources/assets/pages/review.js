import { currentAccount, get, post } from '../api.js';
import {
  $, el, header, onSubmit, refusal, rubricFields, readScores, requireScores, duration, when, param, CRITERIA,
} from '../ui.js';

// The waiting answers as a list (filtered and paged by the read side), the chosen one beside it with the rubric.
const PAGE_SIZE = 25;
const AGES = [
  ['', 'Any age'],
  ['24', 'Waiting 1 day or more'],
  ['72', 'Waiting 3 days or more'],
  ['168', 'Waiting a week or more'],
];

const content = $('#content');
const titles = {};
const state = {
  coachId: null, candidate: param('candidate') || '', theme: param('theme') || '', age: param('waitedHours') || '', page: 0,
};
let queue = { items: [], totalItems: 0, totalPages: 0 };
let chosen = 0;
let candidates = [];
/** The answer this coach rated last, to revise from the notice the list shows. */
let lastSaved = null;

function query() {
  const q = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.candidate) q.set('candidate', state.candidate);
  if (state.theme) q.set('theme', state.theme);
  if (state.age) q.set('waitedHours', state.age);
  return q;
}

/** Counts the loads begun: an answer to an earlier one, arriving after a later filter's, is dropped. */
let loads = 0;

/** Reads the queue for the filters now chosen; false when a later load has begun meanwhile (its answer wins). */
async function load() {
  const mine = ++loads;
  let answer = await get(`/api/coaches/${encodeURIComponent(state.coachId)}/review-queue?${query()}`);
  if (!answer.items.length && state.page > 0 && answer.totalItems > 0) {
    state.page = Math.max(0, answer.totalPages - 1);
    answer = await get(`/api/coaches/${encodeURIComponent(state.coachId)}/review-queue?${query()}`);
  }
  if (mine !== loads) return false;
  queue = answer;
  chosen = Math.min(chosen, Math.max(0, queue.items.length - 1));
  const shown = new URLSearchParams();
  if (state.candidate) shown.set('candidate', state.candidate);
  if (state.theme) shown.set('theme', state.theme);
  if (state.age) shown.set('waitedHours', state.age);
  history.replaceState(null, '', shown.toString() ? `?${shown}` : location.pathname);
  return true;
}

function filters() {
  const who = el('select', { id: 'filter-candidate', name: 'candidate' },
    el('option', { value: '' }, 'Every candidate'),
    candidates.map((c) => el('option', { value: c.candidateId, selected: c.candidateId === state.candidate }, c.displayName || c.candidateId)));
  const theme = el('select', { id: 'filter-theme', name: 'theme' },
    el('option', { value: '' }, 'Every theme'),
    Object.entries(titles).map(([id, title]) => el('option', { value: id, selected: id === state.theme }, title)));
  const age = el('select', { id: 'filter-age', name: 'age' },
    AGES.map(([v, t]) => el('option', { value: v, selected: v === state.age }, t)));
  const change = (key, select) => select.addEventListener('change', async () => {
    state[key] = select.value;
    state.page = 0;
    chosen = 0;
    await refresh().catch((e) => refusal(content, e));
  });
  change('candidate', who);
  change('theme', theme);
  change('age', age);
  return el('div', { class: 'review-filters', role: 'group', 'aria-label': 'Filter the queue' },
    el('div', {}, el('label', { for: 'filter-candidate' }, 'Candidate'), who),
    el('div', {}, el('label', { for: 'filter-theme' }, 'Theme'), theme),
    el('div', {}, el('label', { for: 'filter-age' }, 'Age'), age));
}

function selfMean(item) {
  return item.selfRating ? `self-rated ${item.selfRating.mean.toFixed(1)} of 5` : 'not self-rated';
}

function list() {
  const first = state.page * PAGE_SIZE;
  const items = queue.items.map((item, i) => el('li', { 'aria-current': i === chosen ? 'true' : null, 'data-session': item.sessionId },
    el('button', {
      type: 'button', class: 'row', 'aria-controls': 'rating',
      onclick: () => { chosen = i; draw(); $('input[type=radio]').focus(); },
    },
    el('span', { class: 'row-title' }, item.candidateName || item.candidateId, ' · ', titles[item.theme] || item.theme),
    el('span', { class: 'row-meta' }, `waiting ${item.waiting || duration(item.waitingSeconds)}`),
    el('span', { class: 'row-meta', style: 'grid-column: 1 / -1' }, `${item.prompt.length > 90 ? `${item.prompt.slice(0, 90)}…` : item.prompt} · ${selfMean(item)}`))));
  const pager = el('div', { class: 'pager' },
    el('button', {
      type: 'button', class: 'secondary', id: 'previous-page', disabled: state.page === 0,
      onclick: () => { state.page -= 1; chosen = 0; refresh().catch((e) => refusal(content, e)); },
    }, `Previous ${PAGE_SIZE}`),
    el('span', { id: 'page-of' }, queue.totalPages > 1 ? `Page ${state.page + 1} of ${queue.totalPages}` : ''),
    el('button', {
      type: 'button', class: 'secondary', id: 'next-page', disabled: state.page + 1 >= queue.totalPages,
      onclick: () => { state.page += 1; chosen = 0; refresh().catch((e) => refusal(content, e)); },
    }, `Next ${PAGE_SIZE}`));
  return el('section', { class: 'card', 'aria-labelledby': 'list-title' },
    el('h2', { id: 'list-title' }, 'Waiting answers'),
    el('p', { class: 'status-line', 'aria-live': 'polite', id: 'queue-count' },
      queue.totalItems
        ? `${queue.totalItems} waiting · showing ${first + 1}–${first + queue.items.length}, oldest first`
        : '0 waiting'),
    lastSaved ? el('p', { class: 'notice', id: 'last-saved' }, `Saved your rating of ${lastSaved.who}'s answer. `,
      el('a', { href: `/rate.html?${new URLSearchParams({ session: lastSaved.sessionId })}` }, 'Revise it')) : null,
    items.length ? el('ul', { class: 'review-list', id: 'review-list' }, items) : null,
    queue.totalPages > 1 ? pager : null);
}

function selfRating(item) {
  if (!item.selfRating) return el('p', { class: 'muted', id: 'self-rating' }, 'The candidate did not rate this answer themselves.');
  return el('div', { id: 'self-rating' },
    el('h3', {}, `Their self-rating: ${item.selfRating.mean.toFixed(1)} of 5`),
    el('ul', { class: 'plain' }, CRITERIA.map(([id, title]) => el('li', {}, `${title}: ${item.selfRating.scores[id]}`))),
    item.selfRating.comment ? el('p', { class: 'muted' }, `Their note: ${item.selfRating.comment}`) : null);
}

function detail(item) {
  const form = el('form', { class: 'card', id: 'rating', novalidate: true, 'aria-labelledby': 'rate-title' },
    el('h2', { id: 'rate-title' }, 'Score each criterion'),
    rubricFields('coach'),
    el('label', { for: 'comment' }, 'Comment for the candidate'),
    el('p', { class: 'hint', id: 'comment-hint' }, 'What to keep, what to change next time.'),
    el('textarea', { id: 'comment', name: 'comment', 'aria-describedby': 'comment-hint', style: 'min-height:5rem' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, queue.totalItems > 1 ? 'Save and go to the next' : 'Save'),
      queue.totalItems > 1 ? el('button', {
        type: 'button', class: 'secondary',
        onclick: () => skip().catch((e) => refusal(content, e)),
      }, 'Skip for now') : null));
  onSubmit(form, async (data) => {
    requireScores(data);
    await post(`/api/sessions/${encodeURIComponent(item.sessionId)}/answers/${encodeURIComponent(item.questionId)}/ratings`, {
      scores: readScores(data), comment: data.get('comment') || null,
    });
    lastSaved = { sessionId: item.sessionId, who: item.candidateName || item.candidateId };
    // The read side takes the answer off the queue within moments; until then it is left out here.
    queue.items.splice(chosen, 1);
    queue.totalItems -= 1;
    if (!queue.items.length && queue.totalItems > 0) await refresh();
    else draw();
    const next = $('input[type=radio]');
    if (next) next.focus();
  }, { 'rule:comment-too-long': 'comment' });
  return el('div', { class: 'review-detail' },
    el('div', { class: 'grid2' },
      el('section', { class: 'card', 'aria-labelledby': 'question-title' },
        el('h2', { id: 'question-title' }, 'The question'),
        el('p', { class: 'muted' }, `${titles[item.theme] || item.theme} · ${item.cohortName || item.cohortId}`),
        el('p', { class: 'prompt' }, item.prompt),
        el('h3', {}, 'What a strong answer shows'),
        el('div', { class: 'guidance' }, item.strongAnswer)),
      el('section', { class: 'card', 'aria-labelledby': 'answer-title' },
        el('h2', { id: 'answer-title' }, 'The answer'),
        el('p', { class: 'muted' },
          el('a', { href: `/progress.html?${new URLSearchParams(item.candidateName ? { candidate: item.candidateId, name: item.candidateName } : { candidate: item.candidateId })}` }, item.candidateName || item.candidateId),
          ` · answered ${when(item.answeredAt)} in ${duration(item.timeSpentSeconds)} · waiting ${item.waiting || duration(item.waitingSeconds)}`),
        el('div', { class: 'answer-text', id: 'answer-text' }, item.answer),
        selfRating(item))),
    form);
}

/** The next answer: on this page, else the first of the next page, else back to the very first. */
async function skip() {
  if (chosen + 1 < queue.items.length) {
    chosen += 1;
    draw();
  } else {
    state.page = state.page + 1 < queue.totalPages ? state.page + 1 : 0;
    chosen = 0;
    await refresh();
  }
  $('input[type=radio]').focus();
}

function draw() {
  const item = queue.items[chosen];
  const filtered = state.candidate || state.theme || state.age;
  content.replaceChildren(
    filters(),
    list(),
    item ? detail(item) : el('section', { class: 'card' },
      el('h2', { tabindex: '-1', id: 'queue-empty' }, filtered ? 'Nothing waits that matches these filters' : 'Nothing left to rate'),
      el('p', {}, filtered ? 'Change the filters to see the rest of the queue. ' : 'Every answer in your cohorts has a coach rating. ',
        el('a', { href: '/coach.html' }, 'Back to the cohort.'))));
  if (!item) $('#queue-empty').focus();
}

async function refresh() {
  if (await load()) draw();
}

async function render() {
  const account = await currentAccount();
  header(account);
  state.coachId = account.accountId;
  const [themes, cohorts] = await Promise.all([
    get('/api/themes'), get(`/api/coaches/${encodeURIComponent(account.accountId)}/cohorts`),
  ]);
  themes.forEach((t) => { titles[t.id] = t.title; });
  // The candidates to filter by: everyone enrolled in the coach's cohorts, by name.
  const rosters = await Promise.all(cohorts.filter((c) => c.enrolled > 0)
    .map((c) => get(`/api/cohorts/${encodeURIComponent(c.cohortId)}/overview?size=100`)));
  const seen = new Map();
  rosters.forEach((o) => o.roster.items.forEach((m) => seen.set(m.candidateId, m)));
  candidates = [...seen.values()].sort((a, b) => (a.displayName || a.candidateId).localeCompare(b.displayName || b.candidateId));
  await load();
  content.removeAttribute('aria-busy');
  draw();
}

render().catch((e) => refusal(content, e));
