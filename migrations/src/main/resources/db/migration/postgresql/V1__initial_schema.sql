-- Initial schema. Timestamps are epoch milliseconds (BIGINT), ids are UUID strings, JSON is TEXT,
-- so that the SQLite and PostgreSQL schemas stay alike. Keep db/migration/sqlite in step.

CREATE TABLE datasets (
    id             TEXT    NOT NULL PRIMARY KEY,
    filename       TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    size_bytes     BIGINT  NOT NULL,
    row_count      BIGINT  NOT NULL,
    columns_json   TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,
    ground_truth   BOOLEAN NOT NULL,
    run_id         TEXT,
    generated      BOOLEAN NOT NULL,
    generated_by   TEXT,
    storage_prefix TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL
);
CREATE INDEX datasets_created_at_idx ON datasets (created_at);
CREATE INDEX datasets_run_id_idx ON datasets (run_id);

CREATE TABLE jobs (
    id                   TEXT   NOT NULL PRIMARY KEY,
    name                 TEXT   NOT NULL,
    description          TEXT   NOT NULL,
    job_type             TEXT   NOT NULL CHECK (job_type IN ('inference', 'evaluator', 'annotate')),
    status               TEXT   NOT NULL
        CHECK (status IN ('created', 'pending', 'running', 'succeeded', 'failed', 'stopped')),
    dataset_id           TEXT   NOT NULL,
    experiment_id        TEXT,
    config_json          TEXT   NOT NULL,
    request_json         TEXT   NOT NULL,
    secret_key_name      TEXT,
    results_key          TEXT,
    ray_submission_id    TEXT,
    ray_status           TEXT,
    ray_message          TEXT,
    ray_error_type       TEXT,
    ray_start_time       BIGINT,
    ray_end_time         BIGINT,
    ray_driver_exit_code INTEGER,
    ray_entrypoint       TEXT,
    ray_runtime_env_json TEXT,
    ray_metadata_json    TEXT,
    logs                 TEXT,
    result_summary_json  TEXT,
    generated_dataset_id TEXT,
    progress_done        BIGINT,
    progress_total       BIGINT,
    failure_reason       TEXT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX jobs_job_type_created_at_idx ON jobs (job_type, created_at);
CREATE INDEX jobs_created_at_idx ON jobs (created_at);
CREATE INDEX jobs_experiment_id_idx ON jobs (experiment_id);

CREATE TABLE experiments (
    id                   TEXT    NOT NULL PRIMARY KEY,
    name                 TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    dataset_id           TEXT    NOT NULL,
    max_samples          INTEGER NOT NULL,
    task_definition_json TEXT    NOT NULL,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
);
CREATE INDEX experiments_created_at_idx ON experiments (created_at);

CREATE TABLE workflows (
    id              TEXT   NOT NULL PRIMARY KEY,
    experiment_id   TEXT   NOT NULL,
    name            TEXT   NOT NULL,
    description     TEXT   NOT NULL,
    model           TEXT   NOT NULL,
    provider        TEXT   NOT NULL,
    base_url        TEXT,
    system_prompt   TEXT   NOT NULL,
    secret_key_name TEXT,
    request_json    TEXT   NOT NULL,
    status          TEXT   NOT NULL CHECK (status IN ('created', 'running', 'succeeded', 'failed')),
    failure_reason  TEXT,
    metrics_json    TEXT,
    parameters_json TEXT,
    compiled_key    TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX workflows_experiment_id_idx ON workflows (experiment_id);

CREATE TABLE workflow_jobs (
    workflow_id TEXT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('inference', 'evaluator')),
    job_id      TEXT NOT NULL,
    PRIMARY KEY (workflow_id, role)
);

CREATE TABLE secrets (
    name             TEXT   NOT NULL PRIMARY KEY,
    description      TEXT   NOT NULL,
    value_ciphertext TEXT   NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE TABLE smoke_runs (
    id                TEXT   NOT NULL PRIMARY KEY,
    ray_submission_id TEXT   NOT NULL,
    status            TEXT   NOT NULL,
    output            TEXT,
    created_at        BIGINT NOT NULL
);
