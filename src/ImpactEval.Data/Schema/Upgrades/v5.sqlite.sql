-- Schema v4 → v5: placeholder for the step another branch adds as v5 (the lead renumbers at merge); changes nothing.
SELECT 1;
