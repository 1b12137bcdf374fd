import { currentAccount, get, post } from '../api.js';
import {
  $, el, header, onSubmit, refusal, rubricFields, readScores, duration, when,
} from '../ui.js';

const content = $('#content');
let items = [];
let total = 0;
const titles = {};

function empty() {
  content.replaceChildren(el('section', { class: 'card' },
    el('h2', { tabindex: '-1', id: 'queue-empty' }, 'Nothing left to rate'),
    el('p', {}, 'Every answer in your cohorts has a coach rating. ', el('a', { href: '/coach.html' }, 'Back to the cohort.'))));
  $('#queue-empty').focus();
}

function show() {
  const item = items[0];
  if (!item) return empty();
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'rate-title' },
    el('h2', { id: 'rate-title' }, 'Score each criterion'),
    rubricFields('coach'),
    el('label', { for: 'comment' }, 'Comment for the candidate'),
    el('p', { class: 'hint', id: 'comment-hint' }, 'What to keep, what to change next time.'),
    el('textarea', { id: 'comment', name: 'comment', 'aria-describedby': 'comment-hint', style: 'min-height:5rem' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, items.length > 1 ? 'Save and go to the next' : 'Save'),
      items.length > 1 ? el('button', { type: 'button', class: 'secondary', onclick: () => { items.push(items.shift()); show(); } }, 'Skip for now') : null));
  content.replaceChildren(
    el('p', { class: 'status-line', 'aria-live': 'polite', id: 'queue-count' },
      `${total} waiting · this one for ${item.waiting || duration(item.waitingSeconds)}`),
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
          ` · answered ${when(item.answeredAt)} in ${duration(item.timeSpentSeconds)}`),
        el('div', { class: 'answer-text', id: 'answer-text' }, item.answer))),
    form);
  onSubmit(form, async (data) => {
    await post(`/api/sessions/${encodeURIComponent(item.sessionId)}/answers/${encodeURIComponent(item.questionId)}/ratings`, {
      scores: readScores(data), comment: data.get('comment') || null,
    });
    items.shift();
    total -= 1;
    show();
    const next = $('input[type=radio]');
    if (next) next.focus();
  }, { 'rule:comment-too-long': 'comment' });
}

async function render() {
  const account = await currentAccount();
  header(account);
  const [queue, themes] = await Promise.all([
    get(`/api/coaches/${encodeURIComponent(account.accountId)}/review-queue?size=100`), get('/api/themes'),
  ]);
  themes.forEach((t) => { titles[t.id] = t.title; });
  items = queue.items;
  total = queue.totalItems;
  content.removeAttribute('aria-busy');
  show();
}

render().catch((e) => refusal(content, e));
