import { currentAccount, get } from '../api.js';
import { $, el, header, refusal, when } from '../ui.js';
import { cohortGrid } from './grid.js';

const content = $('#content');

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
    cohortGrid(overview, {
      candidateLink,
      reviewHref: (candidateId) => `/review.html?${new URLSearchParams({ candidate: candidateId })}`,
    }),
    el('div', { class: 'grid2' }, atRisk(overview), weakest(overview)));
  target.removeAttribute('aria-busy');
}

async function render() {
  const account = await currentAccount();
  header(account);
  const cohorts = await get(`/api/coaches/${encodeURIComponent(account.accountId)}/cohorts`);
  if (!cohorts.length) {
    content.replaceChildren(el('p', {}, 'You coach no cohort yet: an admin assigns you one.'));
    return;
  }
  const target = el('div', { id: 'overview' });
  // Opens on the cohort named in the address, else the first with candidates in it, else the first.
  const asked = new URLSearchParams(location.search).get('cohort');
  const first = cohorts.find((c) => c.cohortId === asked) || cohorts.find((c) => c.enrolled > 0) || cohorts[0];
  const picker = el('select', { id: 'cohort', name: 'cohort' },
    cohorts.map((c) => el('option', { value: c.cohortId, selected: c === first }, `${c.name} (${c.enrolled} enrolled)`)));
  picker.addEventListener('change', () => {
    history.replaceState(null, '', `?${new URLSearchParams({ cohort: picker.value })}`);
    show(picker.value, target).catch((e) => refusal(target, e));
  });
  content.replaceChildren(el('label', { for: 'cohort' }, 'Cohort'), picker,
    el('p', {}, el('a', { href: '/review.html' }, 'Go to the review queue')), target);
  content.removeAttribute('aria-busy');
  await show(first.cohortId, target);
}

render().catch((e) => refusal(content, e));

/** A candidate's drill-down link, named by their display name (the id until the read side knows the account). */
function candidateLink(candidateId, displayName) {
  const query = new URLSearchParams({ candidate: candidateId });
  if (displayName) query.set('name', displayName);
  return el('a', { href: `/progress.html?${query}` }, displayName || candidateId);
}
