-- A delete hides its rows at once (every read leaves out rows with deleted_at set) and removes them
-- later, in its deletion workflow, once their jobs are stopped and their objects removed.
-- Keep db/migration/sqlite and db/migration/postgresql in step.
ALTER TABLE datasets ADD COLUMN deleted_at BIGINT;
ALTER TABLE jobs ADD COLUMN deleted_at BIGINT;
ALTER TABLE experiments ADD COLUMN deleted_at BIGINT;
ALTER TABLE workflows ADD COLUMN deleted_at BIGINT;
