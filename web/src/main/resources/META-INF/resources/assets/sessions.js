import { post } from './api.js';

/** Starts a session and opens it (the candidate is whoever is logged in); used by this page and by "practise next" buttons. */
export async function startSession({ themes, questionCount, mode = 'self', cohortId = null }) {
  const started = await post('/api/sessions', {
    mode,
    cohortId: cohortId || null,
    themes,
    questionCount,
  });
  location.assign(`/session.html?id=${encodeURIComponent(started.sessionId)}`);
}
