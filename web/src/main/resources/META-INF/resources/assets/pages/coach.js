import { currentAccount, get } from '../api.js';
import { $, el, header, refusal, levelBadge, when, day } from '../ui.js';

const content = $('#content');
const titles = {};

function legend() {
  return el('div', { class: 'legend-row', 'aria-label': 'Colour key' },
    el('span', { class: 'level level-low' }, 'below 35'), el('span', { class: 'level level-mid' }, '35–54'),
    el('span', { class: 'level level-good' }, '55–74'), el('span', { class: 'level level-high' }, '75 and up'),
    el('span', { class: 'level level-none' }, '— no level'), el('span', {}, '* not enough evidence yet'),
    el('span', {}, 'self: from self-ratings alone, left out of the mean'));
}

function grid(overview) {
  const themes = overview.themes.map((t) => t.theme);
  const members = overview.roster.items;
  return el('section', { class: 'card', 'aria-labelledby': 'grid-title' },
    el('h2', { id: 'grid-title' }, `Candidates by theme (${overview.enrolled} enrolled)`),
    el('p', { class: 'hint' }, 'Level in level points (0 to 100) per candidate and theme; the number is always shown, the colour only helps.'),
    legend(),
    members.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'cohort-grid' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Candidate'), themes.map((t) => el('th', {}, titles[t] || t)))),
      el('tbody', {}, members.map((m) => {
        const byTheme = Object.fromEntries(m.themes.map((t) => [t.theme, t]));
        return el('tr', {},
          el('th', { scope: 'row' }, candidateLink(m.candidateId, m.displayName),
            m.atRisk ? el('div', { class: 'field-error' }, 'at risk') : null,
            el('div', { class: 'muted' }, `last practised ${day(m.lastPractisedAt)}`)),
          themes.map((t) => {
            const level = byTheme[t];
            if (!level) return el('td', {}, levelBadge(null));
            const selfOnly = level.basis === 'self-ratings only';
            return el('td', selfOnly ? { class: 'self-only', title: 'from self-ratings alone: no coach or peer rating yet' } : {},
              levelBadge(level.level, undefined, level.enoughEvidence), selfOnly ? el('span', { class: 'muted' }, ' self') : null);
          }));
      })),
      el('tfoot', {}, el('tr', {}, el('th', {}, 'Mean ± spread'),
        overview.themes.map((t) => el('td', {}, t.mean === null ? '—' : `${Math.round(t.mean)} ± ${Math.round(t.spread || 0)}`,
          t.selfRatedOnly ? el('div', { class: 'muted' }, `${t.selfRatedOnly} self-rated only, not counted`) : null))))))
      : el('p', {}, 'No candidates enrolled yet.'));
}

function atRisk(overview) {
  const names = Object.fromEntries(overview.roster.items.map((m) => [m.candidateId, m.displayName]));
  return el('section', { class: 'card', 'aria-labelledby': 'risk-title' },
    el('h2', { id: 'risk-title' }, 'At risk'),
    el('p', { class: 'hint' }, `No practice for ${overview.inactiveDays} days, or a level falling by ${Math.abs(overview.fallingTrendLevelPoints)} points or more over ${overview.trendWindowDays} days.`),
    overview.atRisk.length ? el('ul', { id: 'at-risk' }, overview.atRisk.map((r) => el('li', {},
      candidateLink(r.candidateId, names[r.candidateId]), ': ', r.reasons.join('; '))))
      : el('p', {}, 'Nobody is at risk.'));
}

function weakest(overview) {
  return el('section', { class: 'card', 'aria-labelledby': 'weak-title' },
    el('h2', { id: 'weak-title' }, 'Weakest themes'),
    overview.weakestThemes.length ? el('ol', {}, overview.weakestThemes.map((w) => el('li', {}, `${w.title}: mean ${Math.round(w.mean)} level points`)))
      : el('p', {}, 'No levels yet.'));
}

async function show(cohortId, target) {
  target.setAttribute('aria-busy', 'true');
  const overview = await get(`/api/cohorts/${encodeURIComponent(cohortId)}/overview?size=100`);
  target.replaceChildren(
    el('p', {}, `As of ${when(overview.asOf)} · `,
      el('a', { href: `/api/cohorts/${encodeURIComponent(cohortId)}/overview.csv`, download: '' }, 'Export the roster as CSV')),
    grid(overview),
    el('div', { class: 'grid2' }, atRisk(overview), weakest(overview)));
  target.removeAttribute('aria-busy');
}

async function render() {
  const account = await currentAccount();
  header(account);
  const [cohorts, themes] = await Promise.all([get(`/api/coaches/${encodeURIComponent(account.accountId)}/cohorts`), get('/api/themes')]);
  themes.forEach((t) => { titles[t.id] = t.title; });
  if (!cohorts.length) {
    content.replaceChildren(el('p', {}, 'You coach no cohort yet: an admin assigns you one.'));
    return;
  }
  const target = el('div', { id: 'overview' });
  const picker = el('select', { id: 'cohort', name: 'cohort' },
    cohorts.map((c) => el('option', { value: c.cohortId }, `${c.name} (${c.enrolled} enrolled)`)));
  picker.addEventListener('change', () => show(picker.value, target).catch((e) => refusal(target, e)));
  content.replaceChildren(el('label', { for: 'cohort' }, 'Cohort'), picker,
    el('p', {}, el('a', { href: '/review.html' }, 'Go to the review queue')), target);
  content.removeAttribute('aria-busy');
  await show(cohorts[0].cohortId, target);
}

render().catch((e) => refusal(content, e));

/** A candidate's drill-down link, named by their display name (the id until the read side knows the account). */
function candidateLink(candidateId, displayName) {
  const query = new URLSearchParams({ candidate: candidateId });
  if (displayName) query.set('name', displayName);
  return el('a', { href: `/progress.html?${query}` }, displayName || candidateId);
}
