-- Read models. Every row is keyed by what identifies it in the events, so processing an event twice writes the same
-- row twice; derived rows (profiles, daily progress) are recomputed from the base rows, never incremented.
-- Times are UTC (timestamptz); days are UTC calendar days.

CREATE TABLE qs_question (
    question_id   VARCHAR(64) PRIMARY KEY,
    theme         VARCHAR(32) NOT NULL,
    difficulty    VARCHAR(16) NOT NULL,
    prompt        TEXT        NOT NULL,
    strong_answer TEXT        NOT NULL,
    source        TEXT,
    active        BOOLEAN     NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL,
    revised_at    TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ
);
CREATE INDEX qs_question_theme_idx ON qs_question (theme);

CREATE TABLE qs_cohort (
    cohort_id  VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    coach_id   VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX qs_cohort_coach_idx ON qs_cohort (coach_id);

CREATE TABLE qs_cohort_member (
    cohort_id    VARCHAR(64) NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    enrolled     BOOLEAN     NOT NULL,
    enrolled_at  TIMESTAMPTZ NOT NULL,
    withdrawn_at TIMESTAMPTZ,
    PRIMARY KEY (cohort_id, candidate_id)
);
CREATE INDEX qs_cohort_member_candidate_idx ON qs_cohort_member (candidate_id);

-- Every candidate the events have mentioned, so "unknown candidate" can be told from "no practice yet".
CREATE TABLE qs_candidate (
    candidate_id      VARCHAR(64) PRIMARY KEY,
    first_seen_at     TIMESTAMPTZ NOT NULL,
    last_practised_at TIMESTAMPTZ
);

CREATE TABLE qs_session (
    session_id       VARCHAR(64) PRIMARY KEY,
    candidate_id     VARCHAR(64) NOT NULL,
    cohort_id        VARCHAR(64),
    mode             VARCHAR(16) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    planned_count    INT         NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    end_reason       TEXT
);
CREATE INDEX qs_session_candidate_idx ON qs_session (candidate_id, started_at DESC);

CREATE TABLE qs_session_question (
    session_id  VARCHAR(64) NOT NULL,
    position    INT         NOT NULL,
    question_id VARCHAR(64) NOT NULL,
    theme       VARCHAR(32) NOT NULL,
    difficulty  VARCHAR(16) NOT NULL,
    prompt      TEXT        NOT NULL,
    PRIMARY KEY (session_id, question_id)
);

CREATE TABLE qs_answer (
    session_id         VARCHAR(64) NOT NULL,
    question_id        VARCHAR(64) NOT NULL,
    candidate_id       VARCHAR(64) NOT NULL,
    cohort_id          VARCHAR(64),
    theme              VARCHAR(32) NOT NULL,
    answer             TEXT        NOT NULL,
    time_spent_seconds INT         NOT NULL,
    answered_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, question_id)
);
CREATE INDEX qs_answer_candidate_idx ON qs_answer (candidate_id, theme, answered_at);
CREATE INDEX qs_answer_cohort_idx ON qs_answer (cohort_id, answered_at);

-- Every version of every rating: the first one and each revision, each effective from its own time. The current
-- rating of (answer, rater) is its latest version; a past date's rating is the latest version before that date.
CREATE TABLE qs_rating (
    event_id        VARCHAR(255) PRIMARY KEY,
    session_id      VARCHAR(64)  NOT NULL,
    question_id     VARCHAR(64)  NOT NULL,
    rater_id        VARCHAR(64)  NOT NULL,
    rater_role      VARCHAR(8)   NOT NULL,
    candidate_id    VARCHAR(64)  NOT NULL,
    cohort_id       VARCHAR(64),
    theme           VARCHAR(32)  NOT NULL,
    clarity         SMALLINT     NOT NULL,
    reasoning       SMALLINT     NOT NULL,
    technical_depth SMALLINT     NOT NULL,
    structure       SMALLINT     NOT NULL,
    impact          SMALLINT     NOT NULL,
    mean_score      NUMERIC(4,2) NOT NULL,
    comment         TEXT,
    answered_at     TIMESTAMPTZ  NOT NULL,
    effective_at    TIMESTAMPTZ  NOT NULL,
    revision        BOOLEAN      NOT NULL
);
CREATE INDEX qs_rating_answer_idx ON qs_rating (session_id, question_id, rater_id, effective_at DESC);
CREATE INDEX qs_rating_candidate_idx ON qs_rating (candidate_id, theme, effective_at);

-- The current skill profile per candidate and theme, as of the latest event that changed it (for the cohort overview
-- and dashboards; the profile endpoint recomputes it as of the moment asked).
CREATE TABLE qs_skill_profile (
    candidate_id      VARCHAR(64)  NOT NULL,
    theme             VARCHAR(32)  NOT NULL,
    answers           INT          NOT NULL,
    ratings_self      INT          NOT NULL,
    ratings_peer      INT          NOT NULL,
    ratings_coach     INT          NOT NULL,
    level             NUMERIC(5,1),
    uncertainty       NUMERIC(5,1) NOT NULL,
    enough_evidence   BOOLEAN      NOT NULL,
    trend             NUMERIC(5,1),
    basis             VARCHAR(32),
    last_practised_at TIMESTAMPTZ,
    last_rated_at     TIMESTAMPTZ,
    as_of             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (candidate_id, theme)
);

-- Per candidate, theme and UTC day with ratings: how many, their mean, and the level at the end of that day.
CREATE TABLE qs_progress_daily (
    candidate_id VARCHAR(64)  NOT NULL,
    theme        VARCHAR(32)  NOT NULL,
    day          DATE         NOT NULL,
    ratings      INT          NOT NULL,
    mean_score   NUMERIC(4,2) NOT NULL,
    level        NUMERIC(5,1),
    uncertainty  NUMERIC(5,1) NOT NULL,
    PRIMARY KEY (candidate_id, theme, day)
);
