import { post } from './api.js';

/** Starts a session for the logged-in candidate and opens it; used by this page and by "practise next" buttons. */
export async function startSession(account, { themes, questionCount, mode = 'self', cohortId = null }) {
  const started = await post('/api/sessions', {
    candidateId: account.accountId,
    mode,
    cohortId: cohortId || null,
    themes,
    questionCount,
  });
  location.assign(`/session.html?id=${encodeURIComponent(started.sessionId)}`);
}
