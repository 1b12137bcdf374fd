// One session's answers for a rater other than the candidate: a coach of their cohort, or a cohort-mate in a peer
// session. Each answer is rated here, or the rater's own rating revised (the earlier versions stay in the history).
import { currentAccount, get, post, api } from '../api.js';
import {
  $, el, header, onSubmit, refusal, rubricFields, readScores, requireScores, duration, when, param, CRITERIA,
} from '../ui.js';

const content = $('#content');
const sessionId = param('session');
const titles = {};

function mean(scores) {
  const values = Object.values(scores || {});
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function ratingLine(r) {
  const who = r.raterRole === 'self' ? 'Self-rating' : r.raterRole === 'coach' ? 'Coach' : 'Peer';
  return el('li', { 'data-role': r.raterRole },
    `${who}: ${(r.meanScore ?? mean(r.scores)).toFixed(1)} of 5, given ${when(r.ratedAt)}`,
    r.revisedAt ? `, revised ${when(r.revisedAt)}` : '',
    r.comment ? el('div', { class: 'muted' }, r.comment) : null);
}

function rateForm(question, index, mine, account, reload) {
  const prefix = `q${index}`;
  const form = el('form', { class: 'rate-form', novalidate: true, id: `rate-${index}`, 'aria-labelledby': `${prefix}-form-title` },
    el('h3', { id: `${prefix}-form-title` }, mine ? 'Revise my rating' : 'Rate this answer'),
    mine ? el('p', { class: 'hint' }, 'The earlier version is kept in the history; the levels use the revised one.') : null,
    rubricFields(prefix),
    el('label', { for: `${prefix}-comment` }, 'Comment for the candidate'),
    el('textarea', { id: `${prefix}-comment`, name: 'comment', style: 'min-height:4rem' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, mine ? 'Save the revision' : 'Save my rating')));
  if (mine) {
    CRITERIA.forEach(([id]) => {
      const radio = form.querySelector(`input[name="scores.${id}"][value="${mine.scores[id]}"]`);
      if (radio) radio.checked = true;
    });
    form.querySelector('textarea').value = mine.comment || '';
  }
  const path = `/api/sessions/${encodeURIComponent(sessionId)}/answers/${encodeURIComponent(question.questionId)}/ratings`;
  onSubmit(form, async (data) => {
    requireScores(data);
    const body = { scores: readScores(data), comment: data.get('comment') || null };
    if (mine) await api('PUT', `${path}/${encodeURIComponent(account.accountId)}`, body);
    else await post(path, body);
    await reload(index, mine ? { revisedAt: mine.revisedAt } : null);
  }, { 'rule:comment-too-long': 'comment' });
  return form;
}

function draw(session, account, reload, saved) {
  const answered = session.questions.filter((q) => q.answer).sort((a, b) => a.position - b.position);
  // replaceChildren takes nodes only: no nulls, no arrays.
  content.replaceChildren(...[
    el('p', { class: 'muted' },
      `${session.mode} session · ${session.status.replace('-', ' ')} · started ${when(session.startedAt)} · ${answered.length} answered`),
    saved !== null ? el('p', { class: 'notice', role: 'status', id: 'saved' }, 'Saved.') : null,
    answered.length ? null : el('p', {}, 'Nothing answered yet.'),
    answered.map((q, index) => {
      const mine = (q.ratings || []).find((r) => r.raterId === account.accountId);
      return el('section', { class: 'card', 'data-question': q.questionId, 'aria-labelledby': `q${index}-title` },
        el('h2', { id: `q${index}-title` }, `${q.position}. ${q.prompt}`),
        el('p', { class: 'muted' }, `${titles[q.theme] || q.theme} · answered ${when(q.answer.answeredAt)} in ${duration(q.answer.timeSpentSeconds)}`),
        el('div', { class: 'answer-text' }, q.answer.text),
        (q.ratings || []).length ? el('ul', { class: 'history', 'aria-label': 'Ratings so far' }, q.ratings.map(ratingLine)) : null,
        rateForm(q, index, mine, account, reload));
    })].flat().filter(Boolean));
}

async function render() {
  const account = await currentAccount();
  header(account);
  if (!sessionId) {
    content.replaceChildren(el('p', {}, 'No session chosen.'));
    return;
  }
  const [themes, first] = await Promise.all([get('/api/themes'), get(`/api/sessions/${encodeURIComponent(sessionId)}`)]);
  themes.forEach((t) => { titles[t.id] = t.title; });
  if (first.candidateId === account.accountId) {
    content.replaceChildren(el('p', {}, 'This is your own session: ', el('a', { href: `/session.html?id=${encodeURIComponent(sessionId)}` }, 'rate it there.')));
    return;
  }
  // The read side follows the command within moments: wait until it shows the rating just saved or revised.
  // `revising`: the rating as it was ({revisedAt}), null for a first rating.
  const reload = async (index, revising) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const view = await get(`/api/sessions/${encodeURIComponent(sessionId)}`);
      const q = view.questions.filter((x) => x.answer).sort((a, b) => a.position - b.position)[index];
      const mine = q && (q.ratings || []).find((r) => r.raterId === account.accountId);
      if (mine && (revising === null || (mine.revisedAt && mine.revisedAt !== revising.revisedAt))) {
        draw(view, account, reload, index);
        $('#saved').focus();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    draw(await get(`/api/sessions/${encodeURIComponent(sessionId)}`), account, reload, index);
  };
  content.removeAttribute('aria-busy');
  draw(first, account, reload, null);
}

render().catch((e) => refusal(content, e));
