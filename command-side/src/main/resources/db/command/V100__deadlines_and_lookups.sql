-- Deadlines (a session's inactivity expiry) stored by db-scheduler, so they survive a restart and fire on one node.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What the write side must look up across aggregates, kept in the same transaction as the events that change it:
-- the active questions a session may draw, and who is enrolled in which cohort.
CREATE TABLE command_question_bank (
    question_id   VARCHAR(64)  PRIMARY KEY,
    theme         VARCHAR(32)  NOT NULL,
    difficulty    VARCHAR(16)  NOT NULL,
    prompt        TEXT         NOT NULL,
    strong_answer TEXT         NOT NULL,
    active        BOOLEAN      NOT NULL
);
CREATE INDEX command_question_bank_theme_idx ON command_question_bank (theme) WHERE active;

CREATE TABLE command_cohort_roster (
    cohort_id    VARCHAR(64) NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    enrolled     BOOLEAN     NOT NULL,
    PRIMARY KEY (cohort_id, candidate_id)
);
