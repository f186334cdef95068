-- Schema v6 → v7 (sqlite): the evaluability verdict stored with each protocol version (JSON, null for the versions
-- registered before v7). Exactly the column of v7.sqlite.sql that v6.sqlite.sql lacks.
ALTER TABLE "protocol_versions" ADD COLUMN "Evaluability" TEXT NULL;
