import { currentAccount, get } from '../api.js';
import { startSession } from '../sessions.js';
import {
  $, el, header, refusal, levelBadge, levelText, signed, when, day, duration,
} from '../ui.js';

const content = $('#content');
const COLOURS = ['#1f5fbf', '#c0392b', '#1e7a3c', '#8e44ad', '#d35400', '#16a085', '#7f8c8d',
  '#2c3e50', '#b7950b', '#e84393', '#0984e3', '#6d4c41', '#00897b'];

let account;
let candidateId;
/** Whether the reader is the candidate (their own page) or their coach (the drill-down): the wording follows. */
let ownPage = true;
const themeTitles = {};
let chart;
let firstProfile = true;

const path = (suffix) => `/api/candidates/${encodeURIComponent(candidateId)}${suffix}`;

function roleCounts(theme) {
  const byRole = {};
  Object.entries(theme.ratingsByRole || {}).forEach(([role, evidence]) => {
    byRole[String(evidence.role || role).toLowerCase()] = evidence.count;
  });
  return byRole;
}

/** Whole days since an instant, counted as the coach's at-risk list counts them. */
function ago(instant) {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(instant)) / 86400000));
  if (days === 0) return 'less than a day ago';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The latest practice in any theme, so a long pause shows without comparing the dates in the table. */
function lastPractice(practised) {
  const latest = practised.map((t) => t.lastPractisedAt).filter(Boolean)
    .reduce((a, b) => (a && Date.parse(a) >= Date.parse(b) ? a : b), null);
  return latest ? el('p', { id: 'last-practice' }, `Last practice: ${when(latest)} (${ago(latest)}).`) : null;
}

function levelsSection(profile) {
  const practised = profile.themes.filter((t) => t.answers > 0);
  const rows = practised.map((t) => {
    const counts = roleCounts(t);
    return el('tr', { 'data-theme': t.theme, 'data-level': t.level ?? '', 'data-coach-ratings': counts.coach || 0 },
      el('th', { scope: 'row' }, t.title),
      el('td', { 'data-label': 'Level' }, levelBadge(t.level, t.uncertainty, t.enoughEvidence),
        t.enoughEvidence ? '' : el('div', { class: 'muted' }, 'not enough evidence yet')),
      el('td', { class: 'num', 'data-label': 'Trend' }, t.trend === null || t.trend === undefined ? '—' : signed(t.trend)),
      el('td', { 'data-label': 'Ratings' }, ['coach', 'peer', 'self'].filter((r) => counts[r]).map((r) => `${r} ${counts[r]}`).join(' · ') || 'no ratings yet',
        t.basis ? el('div', { class: 'muted' }, t.basis) : null),
      el('td', { class: 'num', 'data-label': 'Answers' }, String(t.answers)),
      el('td', { 'data-label': 'Last practised' }, when(t.lastPractisedAt)));
  });
  return el('section', { class: 'card', id: 'levels', 'aria-labelledby': 'levels-title' },
    el('h2', { id: 'levels-title' }, 'Level per theme'),
    lastPractice(practised),
    el('p', { class: 'hint' }, 'Levels are in level points from 0 to 100 (a rubric mean of 1 is 0, 3 is 50, 5 is 100), ',
      '± one standard deviation of uncertainty. Coach and peer ratings set the level; self-ratings count less, after your own bias against the coach is taken out, and alone only when there is nothing else. ',
      '* marks a level with an uncertainty above ±15. Trend: change over the last 28 days, in level points.'),
    practised.length
      ? el('div', { class: 'table-wrap' }, el('table', { class: 'stack-sm' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Theme'), el('th', {}, 'Level (points)'), el('th', { class: 'num' }, 'Trend'),
          el('th', {}, 'Ratings'), el('th', { class: 'num' }, 'Answers'), el('th', {}, 'Last practised'))),
        el('tbody', {}, rows)))
      : el('p', {}, ownPage ? 'No practice yet: start a session and your levels appear here.' : 'No rated practice yet.'));
}

function chartSection(points) {
  const themes = [...new Set(points.map((p) => p.theme))];
  const days = [...new Set(points.map((p) => p.day))].sort();
  const x = days.map((d) => Date.parse(d + 'T12:00:00Z') / 1000);
  const series = themes.map((theme) => days.map((d) => {
    const point = points.find((p) => p.theme === theme && p.day === d);
    return point && point.level !== null ? point.level : null;
  }));
  const box = el('div', { class: 'chart', id: 'chart', role: 'img',
    'aria-label': `Level per theme over time, ${themes.length} themes, ${days.length} days with ratings; the same data is in the table below.` });
  const table = el('details', {}, el('summary', {}, 'The chart as a table'),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Day'), el('th', {}, 'Theme'), el('th', { class: 'num' }, 'Ratings'),
        el('th', { class: 'num' }, 'Mean score (1–5)'), el('th', { class: 'num' }, 'Level (points)'))),
      el('tbody', {}, points.map((p) => el('tr', { 'data-day': p.day }, el('td', {}, day(p.day + 'T12:00:00Z')),
        el('td', {}, themeTitles[p.theme] || p.theme), el('td', { class: 'num' }, String(p.ratings)),
        el('td', { class: 'num' }, p.meanScore.toFixed(1)), el('td', { class: 'num' }, levelText(p.level, p.uncertainty))))))));
  const section = el('section', { class: 'card', id: 'over-time', 'aria-labelledby': 'chart-title' },
    el('h2', { id: 'chart-title' }, 'Each theme over time'),
    points.length ? [box, table] : el('p', {}, 'The chart fills in once answers are rated.'));
  if (points.length && window.uPlot) {
    requestAnimationFrame(() => {
      if (chart) chart.destroy();
      chart = new window.uPlot({
        width: Math.max(280, box.clientWidth || 320),
        height: 260,
        scales: { y: { range: [0, 100] } },
        axes: [{}, { label: 'Level points (0–100)' }],
        series: [{ label: 'Day', value: (u, v) => (v === null ? '—' : day(v * 1000)) }].concat(themes.map((theme, i) => ({
          label: themeTitles[theme] || theme, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true,
          points: { show: true, size: 6 }, value: (u, v) => (v === null ? '—' : Math.round(v)),
        }))),
      }, [x, ...series], box);
      // A few days either side, so that a first day of ratings is a point in a week, not in years of empty axis.
      chart.setScale('x', { min: x[0] - 3 * 86400, max: x[x.length - 1] + 3 * 86400 });
    });
  }
  return section;
}

function nextSection(next) {
  const mine = account.role === 'candidate' && account.accountId === candidateId;
  const items = next.themes.slice(0, 3);
  return el('section', { class: 'card', id: 'next', 'aria-labelledby': 'next-title' },
    el('h2', { id: 'next-title' }, 'What to practise next'),
    el('ul', { class: 'plain' }, items.map((rec) => el('li', { class: 'rec' },
      el('div', {}, el('strong', {}, themeTitles[rec.theme] || rec.theme),
        el('div', {}, rec.reason), el('div', { class: 'muted' }, `Due ${when(rec.dueAt)}`)),
      mine ? el('button', { type: 'button', onclick: (e) => {
        e.target.disabled = true;
        startSession({ themes: [rec.theme], questionCount: 3 })
          .catch((error) => { e.target.disabled = false; e.target.after(el('p', { class: 'form-error', role: 'alert' }, error.message)); });
      } }, `Start 3 questions on ${themeTitles[rec.theme] || rec.theme}`) : null))));
}

function calibrationSection(report) {
  const rows = report.themes.filter((c) => c.pairs > 0);
  return el('section', { class: 'card', id: 'calibration', 'aria-labelledby': 'calibration-title' },
    el('h2', { id: 'calibration-title' }, 'Calibration: self versus coach'),
    el('p', { class: 'hint' }, ownPage
      ? 'Mean of your self-rating minus the coach\'s rating of the same answers, in rubric points (1 to 5): above 0 means you rate yourself higher than your coach does.'
      : 'Mean of the candidate\'s self-rating minus the coach\'s rating of the same answers, in rubric points (1 to 5): above 0 means they rate themselves higher than the coach does.'),
    rows.length
      ? el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Theme'), el('th', { class: 'num' }, 'Answers compared'),
          el('th', { class: 'num' }, 'Self − coach'), el('th', {}, 'Reading'))),
        el('tbody', {}, rows.map((c) => el('tr', {}, el('th', { scope: 'row' }, themeTitles[c.theme] || c.theme),
          el('td', { class: 'num' }, String(c.pairs)), el('td', { class: 'num' }, signed(c.meanGap, 2)), el('td', {}, c.reading || ''))))))
      : el('p', {}, ownPage
        ? 'Nothing to compare yet: it needs answers with both your self-rating and a coach\'s rating.'
        : 'Nothing to compare yet: it needs answers with both the candidate\'s self-rating and a coach\'s rating.'),
    report.overall && report.overall.pairs > 0
      ? el('p', { id: 'calibration-overall' }, `All themes together, ${report.overall.pairs} answers compared: ${report.overall.reading}.`)
      : null);
}

function sessionsSection(page) {
  return el('section', { class: 'card', id: 'sessions', 'aria-labelledby': 'sessions-title' },
    el('h2', { id: 'sessions-title' }, 'Past sessions'),
    page.items.length ? el('ul', { class: 'plain' }, page.items.map((s) => el('li', {},
      el('details', {},
        el('summary', {}, `${when(s.startedAt)} · ${s.status} · ${s.answeredCount} of ${s.plannedCount} answered · ${duration(s.totalTimeSpentSeconds)}`),
        el('ol', {}, s.questions.map((q) => el('li', {},
          el('p', {}, el('strong', {}, q.prompt)),
          q.answer ? el('div', { class: 'answer-text' }, q.answer.text) : el('p', { class: 'muted' }, 'not answered'),
          el('ul', {}, (q.ratings || []).map((r) => el('li', {},
            `${r.raterRole}: ${r.meanScore.toFixed(1)} of 5`, r.comment ? ` — “${r.comment}”` : '',
            el('span', { class: 'muted' }, ` (${when(r.revisedAt || r.ratedAt)})`)))))))))))
      : el('p', {}, 'No sessions yet.'));
}

let refreshTimer;
/** A rating that changes the profile also changes the chart, the calibration and the sessions: fetch them once. */
function refreshRest() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    const [points, calibration, sessions] = await Promise.all([
      get(path('/progress')), get(path('/calibration')), get(path('/sessions')),
    ]);
    $('#over-time').replaceWith(chartSection(points));
    $('#calibration').replaceWith(calibrationSection(calibration));
    $('#sessions').replaceWith(sessionsSection(sessions));
  }, 300);
}

function live(profile) {
  $('#levels').replaceWith(levelsSection(profile));
  if (firstProfile) {
    firstProfile = false;
    return;
  }
  $('#live').textContent = `Updated ${when(new Date().toISOString())}: a new rating changed the levels.`;
  refreshRest();
}

function subscribe() {
  const stream = new EventSource(path('/profile/stream'));
  stream.addEventListener('profile', (event) => live(JSON.parse(event.data)));
  stream.addEventListener('open', () => { $('#live-state').textContent = 'Live: this page updates when a rating lands.'; });
  stream.addEventListener('error', () => {
    $('#live-state').textContent = 'Live updates paused; reconnecting…';
  });
  window.addEventListener('pagehide', () => stream.close());
}

async function render() {
  account = await currentAccount();
  header(account);
  candidateId = new URLSearchParams(location.search).get('candidate') || account.accountId;
  const mine = candidateId === account.accountId;
  ownPage = mine;
  if (!mine) $('h1').textContent = `Progress of ${new URLSearchParams(location.search).get('name') || candidateId}`;
  else $('h1').textContent = 'My progress';
  const themes = await get('/api/themes');
  themes.forEach((t) => { themeTitles[t.id] = t.title; });
  const [profile, points, next, calibration, sessions] = await Promise.all([
    get(path('/profile')), get(path('/progress')), get(path('/next')), get(path('/calibration')), get(path('/sessions')),
  ]);
  content.replaceChildren(
    el('p', { class: 'live' }, el('span', { id: 'live-state' }, 'Connecting to live updates…'), ' ',
      el('span', { id: 'live', role: 'status', 'aria-live': 'polite' })),
    el('div', { id: 'levels' }),
    chartSection(points),
    el('div', { class: 'grid2' }, nextSection(next), calibrationSection(calibration)),
    sessionsSection(sessions),
    el('p', {}, el('a', { href: path('/history.csv') }, 'Download the whole history (CSV)'),
      ...(mine ? [' · ', el('a', { href: path('/export'), download: '' }, 'Download my data (JSON)')] : [])));
  live(profile);
  firstProfile = true;
  content.removeAttribute('aria-busy');
  subscribe();
}

render().catch((e) => refusal(content, e));
