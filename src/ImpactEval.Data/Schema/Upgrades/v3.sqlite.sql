-- Schema v2 → v3 (sqlite): participants' fold keys (case-insensitive identity) and tombstones of erased participants.
-- Exactly the statements of v3.sqlite.sql that v2.sqlite.sql lacks; StoreSchemaTests checks the upgraded schema equals a new one.
-- Participants recorded before v3 have no fold key: it is filled the next time they appear in a file (docs/collection.md).

ALTER TABLE "participants" ADD COLUMN "FoldKey" TEXT NULL;

CREATE TABLE "erased_participants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_erased_participants" PRIMARY KEY AUTOINCREMENT,
    "TerritoryId" INTEGER NOT NULL,
    "Pseudonym" TEXT NOT NULL,
    "FoldKey" TEXT NULL,
    "ErasedOn" TEXT NOT NULL,
    CONSTRAINT "FK_erased_participants_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_erased_participants_TerritoryId_FoldKey" ON "erased_participants" ("TerritoryId", "FoldKey");

CREATE UNIQUE INDEX "IX_erased_participants_TerritoryId_Pseudonym" ON "erased_participants" ("TerritoryId", "Pseudonym");

CREATE UNIQUE INDEX "IX_participants_TerritoryId_FoldKey" ON "participants" ("TerritoryId", "FoldKey");
