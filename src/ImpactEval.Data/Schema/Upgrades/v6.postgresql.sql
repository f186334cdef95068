-- Schema v5 → v6 (postgresql), also applied to every new PostgreSQL store right after the model's tables
-- (StoreSchema.EnsureCurrentAsync): the references of observations are checked once per import, not once per value.
--
-- PostgreSQL checks a foreign key with one trigger call per inserted row (a query and a row lock on the parent):
-- observations had four, which made a bulk import of 1,000,000 rows (2,000,000 values) 12 times slower than the
-- same COPY without them. They are replaced by:
--   * one row trigger that checks and locks (FOR KEY SHARE, as a foreign key does) the enrolment, wave, indicator and
--     import of each row written one at a time (data entry, corrections), so every writer but the bulk import is
--     checked exactly as before; the bulk import checks the same references once per file, set-based, in its
--     transaction (PostgresObservationBulk.CheckReferencesAsync locks the file's enrolments, waves and indicators
--     FOR KEY SHARE and counts them) and then sets impacteval.observations_checked for that transaction only, which
--     the trigger's WHEN clause reads without calling the function;
--   * statement triggers on the referenced tables that keep the foreign keys' delete rules: deleting enrolments deletes
--     their observations (ON DELETE CASCADE; revisions follow by their own foreign key), deleting an import clears
--     ImportId (ON DELETE SET NULL), deleting a wave or indicator that still has observations is refused (RESTRICT),
--     with SQLSTATE 23503 like a foreign key, so StoreErrors explains it in French the same way.
-- A concurrent delete waits for the importing transaction (the parent rows are locked), then sees its rows.

ALTER TABLE observations DROP CONSTRAINT IF EXISTS "FK_observations_enrolments_EnrolmentId";
ALTER TABLE observations DROP CONSTRAINT IF EXISTS "FK_observations_imports_ImportId";
ALTER TABLE observations DROP CONSTRAINT IF EXISTS "FK_observations_indicators_IndicatorId";
ALTER TABLE observations DROP CONSTRAINT IF EXISTS "FK_observations_waves_WaveId";

CREATE OR REPLACE FUNCTION observation_references_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM enrolments WHERE "Id" = NEW."EnrolmentId" FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format('observations: enrolment %s does not exist', NEW."EnrolmentId");
    END IF;
    PERFORM 1 FROM waves WHERE "Id" = NEW."WaveId" FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format('observations: wave %s does not exist', NEW."WaveId");
    END IF;
    PERFORM 1 FROM indicators WHERE "Id" = NEW."IndicatorId" FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format('observations: indicator %s does not exist', NEW."IndicatorId");
    END IF;
    IF NEW."ImportId" IS NOT NULL THEN
        PERFORM 1 FROM imports WHERE "Id" = NEW."ImportId" FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE foreign_key_violation USING MESSAGE = format('observations: import %s does not exist', NEW."ImportId");
        END IF;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS observations_references ON observations;
CREATE TRIGGER observations_references
    AFTER INSERT OR UPDATE OF "EnrolmentId", "WaveId", "IndicatorId", "ImportId" ON observations
    FOR EACH ROW WHEN (current_setting('impacteval.observations_checked', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION observation_references_check();

CREATE OR REPLACE FUNCTION enrolments_delete_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM observations o USING deleted d WHERE o."EnrolmentId" = d."Id";
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS enrolments_observations_cascade ON enrolments;
CREATE TRIGGER enrolments_observations_cascade AFTER DELETE ON enrolments
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION enrolments_delete_observations();

CREATE OR REPLACE FUNCTION imports_clear_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE observations o SET "ImportId" = NULL FROM deleted d WHERE o."ImportId" = d."Id";
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS imports_observations_set_null ON imports;
CREATE TRIGGER imports_observations_set_null AFTER DELETE ON imports
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION imports_clear_observations();

CREATE OR REPLACE FUNCTION waves_restrict_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM observations o JOIN deleted d ON o."WaveId" = d."Id") THEN
        RAISE foreign_key_violation USING MESSAGE = 'waves: a deleted wave still has observations';
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS waves_observations_restrict ON waves;
CREATE TRIGGER waves_observations_restrict AFTER DELETE ON waves
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION waves_restrict_observations();

CREATE OR REPLACE FUNCTION indicators_restrict_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM observations o JOIN deleted d ON o."IndicatorId" = d."Id") THEN
        RAISE foreign_key_violation USING MESSAGE = 'indicators: a deleted indicator still has observations';
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS indicators_observations_restrict ON indicators;
CREATE TRIGGER indicators_observations_restrict AFTER DELETE ON indicators
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION indicators_restrict_observations();
