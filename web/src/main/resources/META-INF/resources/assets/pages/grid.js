// The cohort grid: every enrolled candidate by every theme in one screen, sortable and filterable. Levels, trends and
// their evidence come from the read side as they are; this only arranges them.
import { el, levelClass, levelText, day } from '../ui.js';

export const BANDS = [
  ['any', 'Any level'],
  ['low', 'Below 35'],
  ['mid', '35–54'],
  ['good', '55–74'],
  ['high', '75 and up'],
  ['none', 'No level yet'],
];

const TREND = {
  rising: ['↑', 'rising'],
  falling: ['↓', 'falling'],
  flat: ['→', 'flat'],
};

/** Long one-word titles get a soft hyphen, so a narrow column header breaks the word instead of overflowing. */
function breakable(title) {
  return title.split(' ').map((word) => (word.length > 9 ? `${word.slice(0, 6)}\u00AD${word.slice(6)}` : word)).join(' ');
}

function bandOf(level) {
  if (level === null || level === undefined) return 'none';
  return levelClass(level).substring('level-'.length);
}

function cell(level) {
  if (!level || level.level === null || level.level === undefined) {
    return el('td', { class: 'gcell', 'data-theme-cell': level && level.theme, 'data-basis': 'none' },
      el('span', { class: 'gmark level-none', 'aria-hidden': 'true' }, '—'), el('span', { class: 'sr-only' }, 'no level yet'));
  }
  const selfOnly = level.basis === 'self-ratings only';
  const [arrow, trendWord] = TREND[level.direction] || ['', 'no trend yet'];
  const evidence = selfOnly ? 'from self-ratings only' : 'from coach and peer ratings';
  const provisional = level.enoughEvidence ? '' : ', not enough evidence yet';
  const spoken = `${levelText(level.level)} level points, ${trendWord}, ${evidence}${provisional}`;
  return el('td', {
    class: 'gcell', 'data-theme-cell': level.theme, 'data-basis': selfOnly ? 'self' : 'rated', 'data-direction': level.direction || 'none', title: spoken,
  },
  el('span', { class: `gmark ${levelClass(level.level)}${selfOnly ? ' self-only' : ''}`, 'aria-hidden': 'true' },
    levelText(level.level), level.enoughEvidence ? '' : '*', arrow ? el('span', { class: `trend trend-${level.direction}` }, arrow) : null),
  el('span', { class: 'sr-only' }, spoken));
}

function key() {
  return el('div', { class: 'legend-row grid-key', 'aria-label': 'How to read the grid' },
    el('span', {}, el('span', { class: 'gmark level-good', 'aria-hidden': 'true' }, '62'), ' filled: rests on coach or peer ratings'),
    el('span', {}, el('span', { class: 'gmark level-good self-only', 'aria-hidden': 'true' }, '62'), ' hollow, striped: self-ratings only'),
    el('span', {}, '↑ rising · ↓ falling · → flat (over the trend window, beyond the noise)'),
    el('span', {}, '* not enough evidence yet'),
    el('span', {}, 'Colours: below 35, 35–54, 55–74, 75 and up'));
}

/**
 * The grid as a section with its controls. `overview` is the read side's cohort overview; `titles` maps theme id to
 * title; `reviewHref(candidateId)` is where a row's waiting answers are rated; `candidateLink(id, name)` the name.
 */
export function cohortGrid(overview, { candidateLink, reviewHref }) {
  const themes = overview.themes.map((t) => ({ id: t.theme, title: t.title || t.theme, spread: t }));
  const members = overview.roster.items.map((m) => ({
    ...m, byTheme: Object.fromEntries(m.themes.map((t) => [t.theme, t])),
  }));
  const state = { sort: 'name', descending: false, atRisk: false, theme: 'all', band: 'any' };

  const sortSelect = el('select', { id: 'grid-sort', name: 'sort' },
    el('option', { value: 'name' }, 'Candidate name'),
    el('option', { value: 'lastPractised' }, 'Last practised (longest ago first)'),
    el('option', { value: 'atRisk' }, 'At risk first'),
    el('option', { value: 'waiting' }, 'Answers waiting (most first)'),
    themes.map((t) => el('option', { value: `theme:${t.id}` }, `${t.title} (lowest first)`)));
  const riskBox = el('input', { type: 'checkbox', id: 'grid-at-risk', name: 'atRisk' });
  const themeSelect = el('select', { id: 'grid-theme', name: 'theme' },
    el('option', { value: 'all' }, 'All themes'), themes.map((t) => el('option', { value: t.id }, t.title)));
  const bandSelect = el('select', { id: 'grid-band', name: 'band' }, BANDS.map(([v, t]) => el('option', { value: v }, t)));
  const count = el('p', { class: 'hint', id: 'grid-count', 'aria-live': 'polite' });
  const wrap = el('div', { class: 'grid-wrap' });

  const sorters = {
    name: (a, b) => (a.displayName || a.candidateId).localeCompare(b.displayName || b.candidateId),
    // Never practised counts as longest ago.
    lastPractised: (a, b) => (a.lastPractisedAt ? Date.parse(a.lastPractisedAt) : -Infinity)
      - (b.lastPractisedAt ? Date.parse(b.lastPractisedAt) : -Infinity),
    atRisk: (a, b) => Number(b.atRisk) - Number(a.atRisk) || b.reasons.length - a.reasons.length,
    waiting: (a, b) => b.waitingForCoach - a.waitingForCoach,
  };
  function themeSorter(id) {
    // No level sorts after every level, whichever way.
    const value = (m) => (m.byTheme[id] && m.byTheme[id].level !== null ? m.byTheme[id].level : null);
    return (a, b, descending) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return (x === null) - (y === null);
      return descending ? y - x : x - y;
    };
  }

  function visible() {
    const shown = state.theme === 'all' ? themes : themes.filter((t) => t.id === state.theme);
    const rows = members.filter((m) => (!state.atRisk || m.atRisk)
      && (state.band === 'any' || shown.some((t) => bandOf(m.byTheme[t.id] && m.byTheme[t.id].level) === state.band)));
    const byName = sorters.name;
    const compare = state.sort.startsWith('theme:') ? themeSorter(state.sort.substring(6)) : sorters[state.sort];
    rows.sort((a, b) => {
      const primary = state.sort.startsWith('theme:') ? compare(a, b, state.descending)
        : (state.descending ? -compare(a, b) : compare(a, b));
      return primary || byName(a, b);
    });
    return { shown, rows };
  }

  function header(label, sortKey, attrs = {}) {
    const active = state.sort === sortKey;
    const ariaSort = active ? (state.descending ? 'descending' : 'ascending') : null;
    return el('th', { scope: 'col', 'aria-sort': ariaSort, ...attrs },
      el('button', {
        type: 'button', class: 'sort', 'data-sort': sortKey,
        onclick: () => {
          if (state.sort === sortKey) state.descending = !state.descending;
          else { state.sort = sortKey; state.descending = false; }
          sortSelect.value = state.sort;
          draw();
        },
      }, label, active ? el('span', { 'aria-hidden': 'true' }, state.descending ? ' ▾' : ' ▴') : null));
  }

  function draw() {
    const { shown, rows } = visible();
    const table = el('table', { id: 'cohort-grid', class: 'cohort-grid', 'data-columns': String(shown.length) },
      el('caption', { class: 'sr-only' }, 'Candidates by theme: level in level points (0 to 100), its trend and its evidence'),
      el('colgroup', {}, el('col', { class: 'col-name' }), el('col', { class: 'col-waiting' }), shown.map(() => el('col', {}))),
      el('thead', {}, el('tr', {},
        header('Candidate', 'name', { class: 'gname' }),
        header('Waiting', 'waiting', { class: 'gwait', title: 'Answers waiting for your rating' }),
        shown.map((t) => header(breakable(t.title), `theme:${t.id}`, { 'data-theme': t.id, title: t.title })))),
      el('tbody', {}, rows.map((m) => el('tr', { 'data-candidate': m.candidateId, 'data-at-risk': String(m.atRisk) },
        el('th', { scope: 'row', class: 'gname' }, candidateLink(m.candidateId, m.displayName),
          m.atRisk ? el('span', { class: 'risk', title: m.reasons.join('; ') }, 'at risk') : null,
          el('span', { class: 'glast' }, m.lastPractisedAt ? `practised ${day(m.lastPractisedAt)}` : 'never practised')),
        el('td', { class: 'gwait num' }, m.waitingForCoach
          ? el('a', { href: reviewHref(m.candidateId), title: `${m.waitingForCoach} answers waiting for your rating` }, String(m.waitingForCoach))
          : el('span', { class: 'muted', title: 'nothing waiting' }, '0')),
        shown.map((t) => cell(m.byTheme[t.id]))))),
      el('tfoot', {}, el('tr', {},
        el('th', { scope: 'row', class: 'gname' }, 'Mean ± spread', el('span', { class: 'glast' }, 'coach and peer levels only')),
        el('td', {}),
        shown.map((t) => el('td', {
          class: 'gcell', title: `${t.spread.candidatesWithLevel} with a level from coach and peer ratings; ${t.spread.selfRatedOnly} self-rated only, not counted`,
        }, t.spread.mean === null ? '—' : `${Math.round(t.spread.mean)} ± ${Math.round(t.spread.spread || 0)}`,
        t.spread.selfRatedOnly ? el('span', { class: 'glast' }, `+${t.spread.selfRatedOnly} self`) : null)))));
    wrap.replaceChildren(rows.length ? table : el('p', {}, 'No candidate matches these filters.'));
    count.textContent = `Showing ${rows.length} of ${members.length} candidates`;
  }

  sortSelect.addEventListener('change', () => {
    state.sort = sortSelect.value;
    // A theme's column from lowest, everything else as its option says.
    state.descending = false;
    draw();
  });
  riskBox.addEventListener('change', () => { state.atRisk = riskBox.checked; draw(); });
  themeSelect.addEventListener('change', () => { state.theme = themeSelect.value; draw(); });
  bandSelect.addEventListener('change', () => { state.band = bandSelect.value; draw(); });

  draw();
  return el('section', { class: 'card', 'aria-labelledby': 'grid-title' },
    el('h2', { id: 'grid-title' }, `Candidates by theme (${overview.enrolled} enrolled)`),
    el('div', { class: 'grid-controls' },
      el('div', {}, el('label', { for: 'grid-sort' }, 'Sort by'), sortSelect),
      el('div', {}, el('label', { for: 'grid-theme' }, 'Theme'), themeSelect),
      el('div', {}, el('label', { for: 'grid-band' }, 'Level band'), bandSelect,
        el('p', { class: 'hint' }, 'in the theme shown, or in any theme')),
      el('div', { class: 'choices' }, el('label', { for: 'grid-at-risk' }, riskBox, 'At risk only'))),
    key(),
    count,
    wrap);
}
