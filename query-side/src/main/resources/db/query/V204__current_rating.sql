-- The rating in force now of each (answer, rater): the latest version of it, with when its first version was given.
-- qs_rating keeps every version so past profiles can be recomputed; whatever shows or sums up today's ratings reads
-- this view instead of picking the latest version itself. candidate_id leads the DISTINCT ON and the window, although
-- a session belongs to one candidate and so it changes no row: a condition on a column of those lists is applied
-- inside the view, on the indexes, while one on any other column would have to wait for every candidate's ratings.
CREATE VIEW qs_current_rating AS
SELECT DISTINCT ON (candidate_id, session_id, question_id, rater_id)
       event_id, session_id, question_id, rater_id, rater_role, candidate_id, cohort_id, theme, clarity, reasoning,
       technical_depth, structure, impact, mean_score, comment, answered_at, effective_at, revision,
       MIN(effective_at) OVER (PARTITION BY candidate_id, session_id, question_id, rater_id) AS first_rated_at
  FROM qs_rating
 ORDER BY candidate_id, session_id, question_id, rater_id, effective_at DESC, event_id DESC;

-- Grafana may read current ratings as it may read qs_rating (V202): every column but the free-text comment. A view
-- reads its tables with its owner's rights, so the column grant is what keeps the comment from the reader here.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'grafana_reader') THEN
        GRANT SELECT (event_id, session_id, question_id, rater_id, rater_role, candidate_id, cohort_id, theme, clarity,
                      reasoning, technical_depth, structure, impact, mean_score, answered_at, effective_at, revision,
                      first_rated_at)
           ON qs_current_rating TO grafana_reader;
    END IF;
END
$$;
