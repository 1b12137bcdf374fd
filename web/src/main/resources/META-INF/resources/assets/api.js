// Talks to the API from the page: same-origin fetch with the login cookie, the XSRF token echoed on every change,
// a fresh Idempotency-Key on every change (sent again, unchanged, with its one retry after a network error, so a change
// whose answer was lost is not made twice), and problem+json turned into an ApiError a page can show next to the field
// it names.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `the server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** [{field, message}] from a 400's `errors`, empty when the problem names no field. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

export function goToLogin() {
  const here = location.pathname + location.search;
  location.assign('/login.html?next=' + encodeURIComponent(here));
}

/** A random key for one change; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends once, and once more with the same key if the network failed: the server answers the retry with the first
 * answer when the change was made. While the first is still being decided (409 with Retry-After), waits and asks again.
 */
async function send(path, init, retried = false) {
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (retried || !init.headers['Idempotency-Key']) throw e;
    return send(path, init, true);
  }
  if (retried && response.status === 409 && response.headers.get('Retry-After')) {
    for (let wait = 0; wait < 5 && response.status === 409 && response.headers.get('Retry-After'); wait++) {
      await pause(1000 * (Number(response.headers.get('Retry-After')) || 1));
      response = await fetch(path, init);
    }
  }
  return response;
}

/**
 * `options.anonymous`: a 401 is the answer to show (the login form), not a reason to go to the login page.
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const xsrf = cookie('XSRF-TOKEN');
    if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
    headers['Idempotency-Key'] = idempotencyKey();
  }
  let response;
  try {
    response = await send(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server could not be reached. Check the connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (response.status === 401 && !options.anonymous) {
    sessionStorage.removeItem('account');
    goToLogin();
    throw Object.assign(new ApiError(401, payload), { redirecting: true });
  }
  if (!response.ok) throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  return payload;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);

/** The account acting in this browser: the API's answer, or what the login remembered while /api/me is not there. */
export async function currentAccount() {
  try {
    const me = await get('/api/me');
    sessionStorage.setItem('account', JSON.stringify(me));
    return me;
  } catch (e) {
    if (e.status === 401) throw e;
    const remembered = sessionStorage.getItem('account');
    if (remembered) return { cohorts: [], ...JSON.parse(remembered) };
    goToLogin();
    throw e;
  }
}

export async function logout() {
  try {
    await api('POST', '/api/auth/logout', {}, { anonymous: true });
  } finally {
    sessionStorage.removeItem('account');
    location.assign('/login.html');
  }
}

/** Ends every login of the account, on every device; this browser's too, so it goes to the login page. */
export async function logoutEverywhere(accountId) {
  try {
    await api('POST', `/api/accounts/${encodeURIComponent(accountId)}/sign-out-everywhere`, {}, { anonymous: true });
  } finally {
    await logout();
  }
}

export function homeOf(role) {
  return { candidate: '/progress.html', coach: '/coach.html', admin: '/admin.html' }[role] || '/login.html';
}
