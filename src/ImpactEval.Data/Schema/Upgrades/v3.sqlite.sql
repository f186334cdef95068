-- Schema v2 → v3: PLACEHOLDER of the web application's branch, where v3 (the identity branch's schema) is not
-- merged yet. It changes nothing (v3 snapshot = v2); at merge, the identity branch's v3 files replace these ones.
SELECT 1;
