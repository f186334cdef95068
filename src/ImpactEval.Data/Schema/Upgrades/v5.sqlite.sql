-- Schema v4 → v5 (sqlite): the territory registry (régions, départements, and each cité's place, label year, QPV,
-- REP/REP+, collège chef de file and contacts) and the submissions of cités to questionnaire campaigns with their history.
-- Exactly the statements of v5.sqlite.sql that v4.sqlite.sql lacks; StoreSchemaTests checks the upgraded schema equals a new one.

CREATE TABLE "regions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_regions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "departements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_departements" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RegionId" INTEGER NOT NULL,
    CONSTRAINT "FK_departements_regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "regions" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "territories" ADD COLUMN "DepartementId" INTEGER NULL REFERENCES "departements" ("Id") ON DELETE RESTRICT;
ALTER TABLE "territories" ADD COLUMN "LabelYear" INTEGER NULL;
ALTER TABLE "territories" ADD COLUMN "Communes" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "Qpv" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "Rep" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "RepPlus" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "CollegeChefDeFile" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "Contacts" TEXT NULL;
ALTER TABLE "territories" ADD COLUMN "RegisteredAt" TEXT NULL;

CREATE TABLE "submissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_submissions" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "ReceivedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_submissions_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_submissions_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "submission_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_submission_events" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_submission_events_submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "submissions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_departements_Code" ON "departements" ("Code");
CREATE INDEX "IX_departements_RegionId" ON "departements" ("RegionId");
CREATE UNIQUE INDEX "IX_regions_Code" ON "regions" ("Code");
CREATE INDEX "IX_submission_events_SubmissionId" ON "submission_events" ("SubmissionId");
CREATE UNIQUE INDEX "IX_submissions_CampaignId_TerritoryId" ON "submissions" ("CampaignId", "TerritoryId");
CREATE INDEX "IX_submissions_TerritoryId" ON "submissions" ("TerritoryId");
CREATE INDEX "IX_territories_DepartementId" ON "territories" ("DepartementId");
