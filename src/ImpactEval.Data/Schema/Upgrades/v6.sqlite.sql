-- Schema v5 → v6 (sqlite): nothing changes. SQLite keeps the native foreign keys of observations (an index lookup per
-- value, cheap in-process); PostgreSQL replaces them by checks once per import (v6.postgresql.sql).
SELECT 1;
