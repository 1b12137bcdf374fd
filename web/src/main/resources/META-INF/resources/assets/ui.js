// Small helpers the pages share: building elements, the header, errors next to fields, times and levels.
import { ApiError, logout, logoutEverywhere } from './api.js';

/** el('p', {class: 'x'}, 'text', child): children are strings (as text, never HTML) or nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * container.replaceChildren(...) for children as el() takes them: null, undefined and false are left out and arrays
 * flattened (replaceChildren itself would show a null as the text "null").
 */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return container;
}

export const $ = (selector, root = document) => root.querySelector(selector);

const NAV = {
  candidate: [['/progress.html', 'My progress'], ['/practice.html', 'Practise']],
  coach: [['/coach.html', 'Cohorts'], ['/review.html', 'Review queue'], ['/questions.html', 'Question bank']],
  admin: [['/admin.html', 'Accounts and cohorts'], ['/questions.html', 'Question bank']],
};

export function header(account) {
  const links = (NAV[account.role] || []).map(([href, text]) =>
    el('a', { href, 'aria-current': location.pathname === href ? 'page' : null }, text));
  const who = el('span', {}, `${account.displayName || account.username} (${account.role})`);
  const out = el('button', { type: 'button', onclick: logout }, 'Log out');
  const everywhere = el('button', {
    type: 'button', class: 'secondary', title: 'Ends this account\'s logins on every device, this one included',
    onclick: () => logoutEverywhere(account.accountId),
  }, 'Log out everywhere');
  document.body.prepend(
    el('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    el('header', { class: 'top' },
      el('a', { class: 'brand', href: '/' }, 'Practice tracker'),
      el('nav', { 'aria-label': 'Main' }, links, who, out, everywhere)));
}

/** A refusal or failure in place of the page's content, said plainly. */
export function refusal(container, error) {
  if (error.redirecting) return;
  container.replaceChildren(el('div', { class: 'refusal', role: 'alert' }, refusalText(error)));
}

export function refusalText(error) {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return error.status === 403
      ? 'You do not have access to this page: your account\'s role may not see it.'
      : 'Nothing to show: this does not exist, or it is not yours to see.';
  }
  return 'Something went wrong: ' + (error.message || error);
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('aria-describedby');
  });
}

/**
 * Shows an API refusal in the form: each named field's message right after that field (and linked to it for screen
 * readers), the rest at the top of the form. `aliases` maps an API field name to the form's field name, and a broken
 * rule (`rule:password-too-short`) or a status (`status:409`) to the field it is about.
 */
export function showErrors(form, error, aliases = {}) {
  clearErrors(form);
  let fields = error instanceof ApiError ? error.fieldErrors : [];
  if (!fields.length && error instanceof ApiError) {
    const about = aliases[`rule:${error.problem.rule}`] || aliases[`status:${error.status}`];
    if (about) fields = [{ field: about, message: error.message }];
  }
  const unplaced = [];
  fields.forEach(({ field, message }) => {
    const name = aliases[field] || field;
    // A group (a fieldset of radio buttons) first: its note goes after the whole group, never inside a label.
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`) || form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) {
      unplaced.push(`${field} ${message}`);
      return;
    }
    const id = `error-${form.id || 'form'}-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
    const note = el('p', { class: 'field-error', id }, message.charAt(0).toUpperCase() + message.slice(1));
    if (input.matches('fieldset')) input.append(note);
    else input.after(note);
    const target = input.matches('fieldset') ? input.querySelector('input') : input;
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', id);
  });
  if (!fields.length || unplaced.length) {
    form.prepend(el('p', { class: 'form-error', role: 'alert' }, unplaced.length ? unplaced.join('; ') : error.message));
  }
  const first = form.querySelector('[aria-invalid=true]');
  if (first) first.focus();
}

/** Runs a form's submit handler with the button busy and errors shown in the form. */
export function onSubmit(form, handler, aliases) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach((b) => (b.disabled = true));
    clearErrors(form);
    try {
      await handler(new FormData(form), event.submitter);
    } catch (e) {
      // On its way to the login page: nothing to show here.
      if (!e.redirecting) showErrors(form, e, aliases);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const when = (instant) => (instant ? dateTime.format(new Date(instant)) : '—');
export const day = (instant) => (instant ? dateOnly.format(new Date(instant)) : '—');

/** With its units, never to be taken for a time of day: 942 → "15 min 42 s", 42 → "42 s", 3720 → "1 h 2 min". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const m = Math.floor((s % 3600) / 60);
  return m ? `${Math.floor(s / 3600)} h ${m} min` : `${Math.floor(s / 3600)} h`;
}

export function levelClass(level) {
  if (level === null || level === undefined) return 'level-none';
  if (level < 35) return 'level-low';
  if (level < 55) return 'level-mid';
  if (level < 75) return 'level-good';
  return 'level-high';
}

/** A level in level points with its uncertainty, e.g. "62 ± 9", or "—" without one. */
export function levelText(level, uncertainty) {
  if (level === null || level === undefined) return '—';
  return uncertainty === undefined || uncertainty === null
    ? `${Math.round(level)}`
    : `${Math.round(level)} ± ${Math.round(uncertainty)}`;
}

export function levelBadge(level, uncertainty, enoughEvidence = true) {
  const title = level === null || level === undefined
    ? 'no level yet'
    : `${levelText(level, uncertainty)} level points (0 to 100)` + (enoughEvidence ? '' : ', not enough evidence yet');
  const provisional = !enoughEvidence && level !== null && level !== undefined;
  return el('span', { class: `level ${levelClass(level)}`, title }, levelText(level, uncertainty), provisional ? '*' : '');
}

export function signed(value, digits = 1) {
  if (value === null || value === undefined) return '—';
  const text = value.toFixed(digits);
  return value > 0 ? `+${text}` : text;
}

export const CRITERIA = [
  ['clarity', 'Clarity', 'Could a listener follow it without jargon getting in the way?'],
  ['reasoning', 'Reasoning and trade-offs', 'Does it say why, weighing the options and their costs?'],
  ['technical-depth', 'Technical depth', 'Is it correct and specific, beyond buzzwords?'],
  ['structure', 'Structure of the approach', 'Clarify, outline options, choose, verify: is the approach ordered?'],
  ['impact', 'Impact', 'Is the result quantified and tied to users, cost or revenue?'],
];

/** The five rubric criteria as radio groups 1..5, named `scores.<criterion>` so the API's field errors land on them. */
export function rubricFields(prefix = 'r') {
  return CRITERIA.map(([id, title, question]) =>
    el('fieldset', { 'data-field': `scores.${id}` },
      el('legend', {}, title),
      el('p', { class: 'hint', id: `${prefix}-${id}-hint` }, question, ' 1 = weak, 5 = strong.'),
      el('div', { class: 'choices', role: 'radiogroup', 'aria-describedby': `${prefix}-${id}-hint` },
        [1, 2, 3, 4, 5].map((n) =>
          el('label', {}, el('input', { type: 'radio', name: `scores.${id}`, value: String(n) }), String(n))))));
}

/** A refusal the page finds itself, shaped as the API's: each `{field, message}` is shown next to its field. */
export function invalid(errors) {
  return new ApiError(400, { detail: errors.map((e) => e.message).join('; '), errors });
}

/** Throws, naming every criterion left unscored at once (the API names one at a time), when any is. */
export function requireScores(data) {
  const missing = CRITERIA.filter(([id]) => !data.get(`scores.${id}`));
  if (missing.length) {
    throw invalid(missing.map(([id, title]) => ({ field: `scores.${id}`, message: `Choose a score from 1 to 5 for ${title.toLowerCase()}` })));
  }
}

/** The scores a rubric form holds; a criterion left unscored is left out, so the API names it. */
export function readScores(data) {
  const scores = {};
  CRITERIA.forEach(([id]) => {
    const value = data.get(`scores.${id}`);
    if (value) scores[id] = Number(value);
  });
  return scores;
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
