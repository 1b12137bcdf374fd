import { currentAccount, get } from '../api.js';
import { startSession } from '../sessions.js';
import {
  $, el, fill, header, refusal, levelBadge, levelText, signed, when, day, duration,
} from '../ui.js';

const content = $('#content');
const SVG = 'http://www.w3.org/2000/svg';

let account;
let candidateId;
/** Whether the reader is the candidate (their own page) or their coach (the drill-down): the wording follows. */
let ownPage = true;
const themeTitles = {};
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

/** An SVG element with attributes; children are SVG nodes or text. */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, String(value)));
  children.flat(Infinity).filter((child) => child !== null && child !== undefined)
    .forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

const CHART = { width: 160, height: 84, left: 18, right: 4, top: 6, bottom: 14 };

/**
 * One theme's small chart: the level at the end of each day with ratings, its ±1 standard deviation band, on the
 * scale every theme's chart shares (0 to 100 level points up, the same days along).
 */
function smallChart(theme, points, first, last) {
  const w = CHART.width - CHART.left - CHART.right;
  const h = CHART.height - CHART.top - CHART.bottom;
  const span = Math.max(1, last - first);
  const x = (dayMs) => CHART.left + ((dayMs - first) / span) * w;
  const y = (level) => CHART.top + (1 - Math.max(0, Math.min(100, level)) / 100) * h;
  const levelled = points.filter((p) => p.level !== null && p.level !== undefined)
    .map((p) => ({ ...p, at: Date.parse(p.day + 'T12:00:00Z') }));
  const grid = [0, 50, 100].flatMap((v) => [
    svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(v), y2: y(v), stroke: '#d5dae3', 'stroke-width': 0.6 }),
    svg('text', { x: CHART.left - 3, y: y(v) + 3, 'text-anchor': 'end', class: 'axis' }, String(v)),
  ]);
  const band = levelled.length > 1
    ? svg('polygon', { fill: '#1f5fbf', 'fill-opacity': 0.15, points:
      levelled.map((p) => `${x(p.at)},${y(p.level + p.uncertainty)}`)
        .concat(levelled.slice().reverse().map((p) => `${x(p.at)},${y(p.level - p.uncertainty)}`)).join(' ') })
    : null;
  const line = levelled.length > 1
    ? svg('polyline', { fill: 'none', stroke: '#1f5fbf', 'stroke-width': 1.6,
      points: levelled.map((p) => `${x(p.at)},${y(p.level)}`).join(' ') })
    : null;
  const dots = levelled.map((p) => svg('circle', { cx: x(p.at), cy: y(p.level), r: 1.8, fill: '#1f5fbf' }));
  const latest = levelled[levelled.length - 1];
  const earliest = levelled[0];
  const label = latest
    ? `${themeTitles[theme] || theme}: level ${Math.round(earliest.level)} on ${day(earliest.at)}, ${Math.round(latest.level)} on ${day(latest.at)}, ${levelled.length} days with ratings`
    : `${themeTitles[theme] || theme}: no level yet`;
  return el('li', { class: 'multiple', 'data-theme': theme },
    el('h3', {}, el('span', {}, themeTitles[theme] || theme),
      el('span', { class: 'muted' }, latest ? `${Math.round(latest.level)}` : '—')),
    svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-label': label },
      grid, band, line, dots,
      svg('text', { x: CHART.left, y: CHART.height - 3, class: 'axis' }, day(first)),
      svg('text', { x: CHART.width - CHART.right, y: CHART.height - 3, 'text-anchor': 'end', class: 'axis' }, day(last))));
}

function chartSection(points) {
  const themes = [...new Set(points.map((p) => p.theme))];
  const days = [...new Set(points.map((p) => p.day))].sort();
  const first = days.length ? Date.parse(days[0] + 'T12:00:00Z') : 0;
  const last = days.length ? Date.parse(days[days.length - 1] + 'T12:00:00Z') : 0;
  const multiples = el('ul', { class: 'multiples', id: 'multiples' },
    themes.map((theme) => smallChart(theme, points.filter((p) => p.theme === theme), first, last)));
  const table = el('details', {}, el('summary', {}, 'The charts as a table'),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack-sm' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Day'), el('th', {}, 'Theme'), el('th', { class: 'num' }, 'Ratings'),
        el('th', { class: 'num' }, 'Mean score (1–5)'), el('th', { class: 'num' }, 'Level (points)'))),
      el('tbody', {}, points.map((p) => el('tr', { 'data-day': p.day }, el('td', { 'data-label': 'Day' }, day(p.day + 'T12:00:00Z')),
        el('td', { 'data-label': 'Theme' }, themeTitles[p.theme] || p.theme), el('td', { class: 'num', 'data-label': 'Ratings' }, String(p.ratings)),
        el('td', { class: 'num', 'data-label': 'Mean score (1–5)' }, p.meanScore.toFixed(1)),
        el('td', { class: 'num', 'data-label': 'Level (points)' }, levelText(p.level, p.uncertainty))))))));
  return el('section', { class: 'card', id: 'over-time', 'aria-labelledby': 'chart-title' },
    el('h2', { id: 'chart-title' }, 'Each theme over time'),
    points.length
      ? [el('p', { class: 'hint' }, 'One chart per theme, all on the same scale: level points from 0 to 100 up the side, ',
        `the same days along the bottom (${day(first)} to ${day(last)}); the shaded band is ± one standard deviation.`),
      multiples, table]
      : el('p', {}, 'The charts fill in once answers are rated.'));
}

const CRITERIA_COLUMNS = [['clarity', 'Clarity'], ['reasoning', 'Reasoning'], ['technicalDepth', 'Depth'],
  ['structure', 'Structure'], ['impact', 'Impact']];

function criteriaSection(report) {
  const rows = report.themes.map((t) => el('tr', { 'data-theme': t.theme },
    el('th', { scope: 'row' }, t.title),
    CRITERIA_COLUMNS.map(([key, title]) => el('td', { class: 'num', 'data-label': title, 'data-criterion': key },
      t.coachAndPeer ? t.coachAndPeer[key].toFixed(1) : '—',
      t.self ? el('span', { class: 'self' }, `self ${t.self[key].toFixed(1)}`) : null)),
    el('td', { class: 'num', 'data-label': 'Ratings' },
      `${t.coachAndPeer ? t.coachAndPeer.ratings : 0} + ${t.self ? t.self.ratings : 0} self`)));
  return el('section', { class: 'card criteria', id: 'criteria', 'aria-labelledby': 'criteria-title' },
    el('h2', { id: 'criteria-title' }, 'Rubric criteria per theme'),
    el('p', { class: 'hint' }, 'Mean score of each criterion on the rubric\'s 1 to 5 scale (1 weak, 5 strong), over the current version of each rating: ',
      'coach and peer ratings first, self-ratings below them.'),
    rows.length
      ? el('div', { class: 'table-wrap' }, el('table', { class: 'stack-sm' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Theme'), CRITERIA_COLUMNS.map(([, title]) => el('th', { class: 'num' }, title)),
          el('th', { class: 'num' }, 'Ratings'))),
        el('tbody', {}, rows)))
      : el('p', {}, 'No ratings yet.'));
}

function readinessSection(readiness) {
  return el('section', { class: 'card', id: 'readiness', 'aria-labelledby': 'readiness-title' },
    el('h2', { id: 'readiness-title' }, 'Readiness'),
    el('p', { class: 'readiness-figure', id: 'readiness-figure' }, `${Math.round(readiness.readiness)} of 100 level points`),
    el('p', {}, `${readiness.themesWithLevel} of ${readiness.themes} themes have a level, ${readiness.themesEstablished} of them established (uncertainty ±15 points or less).`),
    el('p', { class: 'hint', id: 'readiness-basis' }, `How it is computed: ${readiness.basis}.`));
}

function jumpsSection(report) {
  const jumps = report.jumps.slice().sort((a, b) => b.day.localeCompare(a.day));
  return el('section', { class: 'card', id: 'jumps', 'aria-labelledby': 'jumps-title' },
    el('h2', { id: 'jumps-title' }, 'Why a level jumped'),
    el('p', { class: 'hint' }, `A jump is a change of ${15} level points or more from one day with ratings to the next.`),
    jumps.length
      ? el('ul', { class: 'plain jumps' }, jumps.map((j) => el('li', { 'data-theme': j.theme, 'data-day': j.day },
        el('strong', {}, `${j.title}: ${Math.round(j.from)} → ${Math.round(j.to)} level points`),
        el('span', { class: 'muted' }, ` on ${day(j.day + 'T12:00:00Z')}`),
        el('ul', {}, j.reasons.map((r) => el('li', {}, r))))))
      : el('p', {}, 'No jumps: every level moved less than that from one day to the next.'));
}

/** The coach's and peers' comments of the recent sessions, newest first, without opening each session. */
function commentsSection(page) {
  const comments = [];
  page.items.forEach((s) => s.questions.forEach((q) => (q.ratings || []).forEach((r) => {
    if (r.comment && String(r.raterRole).toLowerCase() !== 'self') {
      comments.push({ at: r.revisedAt || r.ratedAt, role: String(r.raterRole).toLowerCase(), theme: q.theme, prompt: q.prompt, comment: r.comment });
    }
  })));
  comments.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return el('section', { class: 'card', id: 'comments', 'aria-labelledby': 'comments-title' },
    el('h2', { id: 'comments-title' }, ownPage ? 'What your coach said' : 'Coach and peer comments'),
    comments.length
      ? el('ul', { class: 'plain comments' }, comments.slice(0, 10).map((c) => el('li', {},
        el('p', { class: 'comment' }, `“${c.comment}”`),
        el('div', { class: 'muted' }, `${c.role} · ${themeTitles[c.theme] || c.theme} · ${when(c.at)} · ${c.prompt}`))))
      : el('p', {}, 'No comments yet on the recent sessions.'));
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

const DAY_MS = 86400000;

/** The Monday 00:00 (in the reader's zone) of the week holding an instant. */
function weekStart(instant) {
  const d = new Date(instant);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/**
 * A weekly target instead of a daily chain: any days of the week count, so a missed day costs nothing as long as the
 * week's sessions are in. The target is the candidate's own choice, kept on this device.
 */
function weeklySection(page) {
  const key = `weekly-target:${candidateId}`;
  const target = Number(localStorage.getItem(key)) || 3;
  const practised = page.items.filter((s) => s.answeredCount > 0).map((s) => weekStart(s.startedAt).getTime());
  const thisWeek = weekStart(Date.now());
  const weeks = [];
  for (let i = 7; i >= 0; i--) {
    const start = new Date(thisWeek);
    start.setDate(start.getDate() - 7 * i);
    weeks.push({ start, count: practised.filter((w) => w === start.getTime()).length });
  }
  const current = weeks[weeks.length - 1];
  let inARow = 0;
  for (let i = weeks.length - 2; i >= 0 && weeks[i].count >= target; i--) inARow++;
  if (current.count >= target) inARow++;
  const daysLeft = Math.max(0, Math.ceil((thisWeek.getTime() + 7 * DAY_MS - Date.now()) / DAY_MS));
  const select = el('select', { id: 'weekly-target', name: 'weeklyTarget' },
    [1, 2, 3, 4, 5, 6, 7].map((n) => el('option', { value: String(n), selected: n === target }, `${n} ${n === 1 ? 'session' : 'sessions'} a week`)));
  select.addEventListener('change', () => {
    localStorage.setItem(key, select.value);
    $('#weekly').replaceWith(weeklySection(page));
  });
  return el('section', { class: 'card', id: 'weekly', 'aria-labelledby': 'weekly-title' },
    el('h2', { id: 'weekly-title' }, 'Weekly goal'),
    el('p', { class: 'hint' }, 'A target per week, not a daily chain: practise on any days you like, a missed day does not break anything.'),
    el('label', { for: 'weekly-target' }, 'My target'),
    select,
    el('p', { id: 'weekly-now', class: 'readiness-figure' }, `This week: ${current.count} of ${target}`),
    el('p', { id: 'weekly-left' }, current.count >= target
      ? 'Target met for this week.'
      : `${target - current.count} to go, ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left in the week (weeks start on Monday).`),
    el('p', { id: 'weekly-streak' }, `Weeks in a row on target: ${inARow}.`),
    el('ol', { class: 'weeks', 'aria-label': 'The last 8 weeks' }, weeks.map((w) => el('li', {
      class: w.count >= target ? 'met' : 'missed', 'data-count': String(w.count),
      title: `Week of ${day(w.start)}: ${w.count} of ${target}`,
    }, el('span', { class: 'week-day' }, day(w.start)), ` ${w.count}/${target}`))));
}

let refreshTimer;
/** A rating that changes the profile also changes the chart, the calibration and the sessions: fetch them once. */
function refreshRest() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    const [points, calibration, sessions, criteria, readiness, jumps] = await Promise.all([
      get(path('/progress')), get(path('/calibration')), get(path('/sessions')),
      get(path('/criteria')), get(path('/readiness')), get(path('/jumps')),
    ]);
    $('#over-time').replaceWith(chartSection(points));
    $('#calibration').replaceWith(calibrationSection(calibration));
    $('#sessions').replaceWith(sessionsSection(sessions));
    $('#criteria').replaceWith(criteriaSection(criteria));
    $('#readiness').replaceWith(readinessSection(readiness));
    $('#jumps').replaceWith(jumpsSection(jumps));
    $('#comments').replaceWith(commentsSection(sessions));
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
  const [profile, points, next, calibration, sessions, criteria, readiness, jumps, recent] = await Promise.all([
    get(path('/profile')), get(path('/progress')), get(path('/next')), get(path('/calibration')), get(path('/sessions')),
    get(path('/criteria')), get(path('/readiness')), get(path('/jumps')), get(path('/sessions?size=100')),
  ]);
  fill(content,
    el('p', { class: 'live' }, el('span', { id: 'live-state' }, 'Connecting to live updates…'), ' ',
      el('span', { id: 'live', role: 'status', 'aria-live': 'polite' })),
    readinessSection(readiness),
    mine ? weeklySection(recent) : null,
    el('div', { id: 'levels' }),
    jumpsSection(jumps),
    chartSection(points),
    criteriaSection(criteria),
    el('div', { class: 'grid2' }, nextSection(next), calibrationSection(calibration)),
    commentsSection(sessions),
    sessionsSection(sessions),
    el('p', {}, el('a', { href: path('/history.csv') }, 'Download the whole history (CSV)'),
      ...(mine ? [' · ', el('a', { href: path('/export'), download: '' }, 'Download my data (JSON)')] : [])),
    mine ? el('p', {}, el('a', { href: '/account.html', id: 'change-password' }, 'Change my password')) : null);
  live(profile);
  firstProfile = true;
  content.removeAttribute('aria-busy');
  subscribe();
}

render().catch((e) => refusal(content, e));
