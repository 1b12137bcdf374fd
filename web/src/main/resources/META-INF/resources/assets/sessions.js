import { post } from './api.js';

/**
 * Starts a session and opens it (the candidate is whoever is logged in); used by this page and by "practise next"
 * buttons. `mockSeconds`: a mock interview, with that countdown per question.
 */
export async function startSession({ themes, questionCount, mode = 'self', cohortId = null, mockSeconds = null }) {
  const started = await post('/api/sessions', {
    mode,
    cohortId: cohortId || null,
    themes,
    questionCount,
  });
  const mock = mockSeconds ? `&mock=${encodeURIComponent(mockSeconds)}` : '';
  location.assign(`/session.html?id=${encodeURIComponent(started.sessionId)}${mock}`);
}
