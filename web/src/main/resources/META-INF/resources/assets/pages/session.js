import { ApiError, currentAccount, get, post } from '../api.js';
import {
  $, el, header, onSubmit, refusal, rubricFields, readScores, requireScores, duration, when, param,
} from '../ui.js';

const content = $('#content');
const sessionId = param('id');
/** A mock interview: this many seconds per question, counted down, and every rating after the last answer. */
const mockSeconds = Math.max(0, Number(param('mock')) || 0);
const skipped = new Set();
let session;
let timer;
const titles = {};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The read model follows the command within milliseconds; a session just started may take a moment to appear. */
async function load(until = () => true) {
  let last;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const view = await get(`/api/sessions/${encodeURIComponent(sessionId)}`);
      if (until(view)) return view;
      last = view;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      last = e;
    }
    await sleep(250);
  }
  if (last instanceof Error) throw last;
  return last;
}

const ENDED = ['completed', 'abandoned', 'expired'];
const isOpen = (view) => !ENDED.includes(view.status);
const number = (question) => session.questions.indexOf(question) + 1;

const selfRating = (question) => (question.ratings || []).find((r) => r.raterRole === 'self');

function statusLine(question) {
  const total = session.questions.length;
  const answered = session.questions.filter((q) => q.answer).length;
  const left = total - answered;
  return el('div', { class: 'status-line' },
    el('span', { id: 'progress-count', 'aria-live': 'polite' },
      `Question ${number(question)} of ${total} · ${left} left to answer`),
    mockSeconds && !question.answer
      ? el('span', {}, 'Time left: ',
        el('span', { class: 'timer', role: 'timer', id: 'countdown', 'aria-live': 'off' }, duration(mockSeconds)))
      : el('span', {}, 'Time on this question: ',
        el('span', { class: 'timer', role: 'timer', id: 'timer', 'aria-live': 'off' }, duration(0))),
    mockSeconds ? el('span', { class: 'muted', id: 'mock-mode' }, 'Mock interview: guidance and ratings after the last answer') : null);
}

/** The countdown of a mock interview: at zero it says time is up, as an interviewer would, and counts the overrun. */
function startCountdown(spent) {
  const tick = () => {
    const left = mockSeconds - spent();
    const shown = $('#countdown');
    if (!shown) return;
    shown.textContent = left >= 0 ? duration(left) : `0 s (over by ${duration(-left)})`;
    if (left <= 0 && !$('#time-up')) {
      shown.closest('.status-line').after(el('p', { class: 'form-error', id: 'time-up', role: 'alert' },
        'Time is up: finish your sentence and submit the answer.'));
    }
  };
  return setInterval(tick, 1000);
}

function startTimer() {
  clearInterval(timer);
  const started = Date.now();
  const shown = () => $('#timer') && ($('#timer').textContent = duration((Date.now() - started) / 1000));
  timer = setInterval(shown, 1000);
  return () => Math.round((Date.now() - started) / 1000);
}

function answerStep(question) {
  const form = el('form', { class: 'card', novalidate: true },
    el('p', { class: 'muted' }, titles[question.theme] || question.theme),
    el('p', { class: 'prompt', id: 'prompt' }, question.prompt),
    el('label', { for: 'answer' }, 'Your answer'),
    el('p', { class: 'hint', id: 'answer-hint' }, 'Answer as you would out loud: say what you would clarify, the options, your choice and why.'),
    el('textarea', { id: 'answer', name: 'answer', 'aria-describedby': 'answer-hint prompt', required: true }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, 'Submit answer'),
      el('button', { type: 'button', class: 'secondary', onclick: abandon }, 'Abandon the session')));
  content.replaceChildren(statusLine(question), form);
  const spent = startTimer();
  if (mockSeconds) {
    clearInterval(timer);
    timer = startCountdown(spent);
  }
  onSubmit(form, async (data) => {
    const text = data.get('answer').trim();
    if (!text) throw new ApiError(400, { errors: [{ field: 'answer', message: 'Write an answer before submitting it.' }] });
    const seconds = spent();
    await post(`/api/sessions/${encodeURIComponent(sessionId)}/answers`, {
      questionId: question.questionId, answer: text, timeSpentSeconds: seconds,
    });
    question.answer = { text, timeSpentSeconds: seconds, answeredAt: new Date().toISOString() };
    next();
  }, { 'rule:empty-answer': 'answer' });
  $('#answer').focus();
}

async function rateStep(question) {
  clearInterval(timer);
  const full = await get(`/api/questions/${encodeURIComponent(question.questionId)}`).catch(() => null);
  const form = el('form', { class: 'card', novalidate: true },
    el('h2', {}, 'Rate your answer'),
    el('p', { class: 'prompt' }, question.prompt),
    el('div', { class: 'grid2' },
      el('div', {}, el('h3', {}, 'Your answer'), el('div', { class: 'answer-text' }, question.answer.text)),
      el('div', {}, el('h3', {}, 'What a strong answer shows'),
        el('div', { class: 'guidance' }, full ? full.strongAnswer : 'The guidance could not be loaded.'))),
    rubricFields('self'),
    el('label', { for: 'comment' }, 'Note to yourself (optional)'),
    el('textarea', { id: 'comment', name: 'comment', style: 'min-height:4rem' }),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, 'Save my rating'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { skipped.add(question.questionId); next(); } }, 'Skip rating')));
  content.replaceChildren(statusLine(question), form);
  $('#timer').textContent = duration(question.answer.timeSpentSeconds);
  onSubmit(form, async (data) => {
    requireScores(data);
    const scores = readScores(data);
    await post(`/api/sessions/${encodeURIComponent(sessionId)}/answers/${encodeURIComponent(question.questionId)}/ratings`, {
      scores, comment: data.get('comment') || null,
    });
    question.ratings = [...(question.ratings || []), { raterRole: 'self', scores }];
    next();
  }, { 'rule:comment-too-long': 'comment' });
  form.querySelector('input[type=radio]').focus();
}

function finishStep() {
  clearInterval(timer);
  const button = el('button', { type: 'button', id: 'finish' }, 'Finish and see the summary');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/complete`);
      session = await load((view) => !isOpen(view));
      summary();
    } catch (e) {
      button.disabled = false;
      button.after(el('p', { class: 'form-error', role: 'alert' }, e.message));
    }
  });
  content.replaceChildren(el('section', { class: 'card' },
    el('h2', {}, 'All questions answered'),
    el('p', {}, `You answered ${session.questions.length} of ${session.questions.length}.`),
    el('div', { class: 'actions' }, button)));
  button.focus();
}

function mean(scores) {
  const values = Object.values(scores || {});
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function summary() {
  clearInterval(timer);
  const rows = session.questions.map((q) => {
    const self = selfRating(q);
    const coach = (q.ratings || []).find((r) => r.raterRole === 'coach');
    return el('tr', {},
      el('td', { 'data-label': '#' }, String(number(q))),
      el('td', { 'data-label': 'Question' }, q.prompt, el('div', { class: 'muted' }, titles[q.theme] || q.theme)),
      el('td', { class: 'num', 'data-label': 'Time' }, q.answer ? duration(q.answer.timeSpentSeconds) : 'not answered'),
      el('td', { class: 'num', 'data-label': 'Self (1–5)' }, self ? (self.meanScore ?? mean(self.scores)).toFixed(1) : '—'),
      el('td', { class: 'num', 'data-label': 'Coach (1–5)' }, coach ? coach.meanScore.toFixed(1) : (session.mode === 'coach' ? 'waiting' : '—')));
  });
  const selfMeans = session.questions.map(selfRating).filter(Boolean).map((r) => r.meanScore ?? mean(r.scores));
  content.replaceChildren(
    el('section', { class: 'card', id: 'summary', 'aria-labelledby': 'summary-title' },
      el('h2', { id: 'summary-title', tabindex: '-1' }, `Session ${session.status.replace('-', ' ')}`),
      el('p', {}, `${session.answeredCount ?? session.questions.filter((q) => q.answer).length} of ${session.questions.length} answered`,
        ` · ${duration(session.totalTimeSpentSeconds ?? 0)} spent · started ${when(session.startedAt)}`,
        session.endedAt ? ` · ended ${when(session.endedAt)}` : ''),
      selfMeans.length ? el('p', {}, `Your self-rating: ${(selfMeans.reduce((a, b) => a + b, 0) / selfMeans.length).toFixed(1)} of 5 on average.`) : null,
      session.mode === 'coach' ? el('p', { class: 'notice' }, 'Your coach will rate these answers; your progress page updates when they do.') : null,
      session.mode === 'peer' ? el('p', { class: 'notice', id: 'peer-link' }, 'Ask a cohort-mate to rate these answers: send them ',
        el('a', { href: `/rate.html?${new URLSearchParams({ session: sessionId })}` }, 'this session\'s rating page'), '.') : null,
      el('div', { class: 'table-wrap' }, el('table', { class: 'stack-sm' },
        el('caption', { class: 'hidden' }, 'Questions of this session'),
        el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Question'), el('th', { class: 'num' }, 'Time'),
          el('th', { class: 'num' }, 'Self (1–5)'), el('th', { class: 'num' }, 'Coach (1–5)'))),
        el('tbody', {}, rows))),
      el('div', { class: 'actions' },
        el('a', { class: 'button', href: '/progress.html' }, 'See my progress'),
        el('a', { class: 'button secondary', href: '/practice.html' }, 'Practise again'))));
  $('#summary-title').focus();
}

async function abandon() {
  if (!confirm('Abandon this session? Answers given so far are kept.')) return;
  await post(`/api/sessions/${encodeURIComponent(sessionId)}/abandon`, {}).catch(() => null);
  session = await load((view) => !isOpen(view));
  summary();
}

function next() {
  if (!isOpen(session)) return summary();
  const unanswered = session.questions.find((q) => !q.answer);
  const unrated = session.questions.find((q) => q.answer && !selfRating(q) && !skipped.has(q.questionId));
  // A mock interview asks every question first, as an interviewer does; the guidance waits for the last answer.
  if (mockSeconds && unanswered) return answerStep(unanswered);
  if (unrated) return rateStep(unrated).catch((e) => refusal(content, e));
  if (unanswered) return answerStep(unanswered);
  return finishStep();
}

async function render() {
  const account = await currentAccount();
  header(account);
  if (!sessionId) {
    content.replaceChildren(el('p', {}, 'No session chosen. ', el('a', { href: '/practice.html' }, 'Start one.')));
    return;
  }
  const [view, themes] = await Promise.all([load(), get('/api/themes')]);
  themes.forEach((t) => { titles[t.id] = t.title; });
  session = view;
  session.questions.sort((a, b) => a.position - b.position);
  content.removeAttribute('aria-busy');
  next();
}

render().catch((e) => refusal(content, e));
