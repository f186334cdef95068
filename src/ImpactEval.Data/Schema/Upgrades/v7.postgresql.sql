-- Schema v6 → v7 (postgresql): the evaluability verdict stored with each protocol version (JSON, null for the versions
-- registered before v7) and the synthetic-data mark of imports. Exactly the columns of v7.postgresql.sql that v6.postgresql.sql lacks.
ALTER TABLE protocol_versions ADD COLUMN "Evaluability" text NULL;
-- Whether an import came from the demonstration's generated data (false for every earlier import).
ALTER TABLE imports ADD COLUMN "Synthetic" boolean NOT NULL DEFAULT FALSE;
