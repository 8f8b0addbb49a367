-- An inference job's use of the inference cache: {"use_cache", "key", "hit", "source_job_id"} as
-- JSON, recorded when the job looks its key up; null for jobs that have no cache key (evaluator,
-- annotate, jobs created before the cache). Keep db/migration/sqlite and db/migration/postgresql in
-- step.
ALTER TABLE jobs ADD COLUMN cache_json TEXT;
