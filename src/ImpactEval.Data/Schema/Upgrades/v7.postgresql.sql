-- Schema v6 → v7 (postgresql): the evaluability verdict stored with each protocol version (JSON, null for the versions
-- registered before v7). Exactly the column of v7.postgresql.sql that v6.postgresql.sql lacks.
ALTER TABLE protocol_versions ADD COLUMN "Evaluability" text NULL;
