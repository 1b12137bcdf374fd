-- Grafana reads the read model (per-candidate progress, at-risk lists) through a role of its own that may only read
-- the read-model tables, never the event store, the tokens or the dead letters, and not the free text of answers and
-- rating comments. The role has no login here: the deployment gives it LOGIN and a password (docker-compose's
-- PostgreSQL init script does, from GRAFANA_READER_PASSWORD), so no secret is in the repository.
--
-- Roles belong to the whole PostgreSQL server: the first database to migrate creates it, if this user may create
-- roles (otherwise an administrator creates it and the grants below are rerun); the grants are per database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grafana_reader') THEN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            BEGIN
                CREATE ROLE grafana_reader NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- created at the same moment by another database's migration
            END;
        ELSE
            RAISE NOTICE 'role grafana_reader not created: % may not create roles', current_user;
        END IF;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'grafana_reader') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO grafana_reader', current_schema());
        GRANT SELECT ON qs_question, qs_cohort, qs_cohort_member, qs_candidate, qs_session, qs_session_question,
                        qs_skill_profile, qs_progress_daily
           TO grafana_reader;
        GRANT SELECT (session_id, question_id, candidate_id, cohort_id, theme, time_spent_seconds, answered_at)
           ON qs_answer TO grafana_reader;
        GRANT SELECT (event_id, session_id, question_id, rater_id, rater_role, candidate_id, cohort_id, theme, clarity,
                      reasoning, technical_depth, structure, impact, mean_score, answered_at, effective_at, revision)
           ON qs_rating TO grafana_reader;
    END IF;
END
$$;
