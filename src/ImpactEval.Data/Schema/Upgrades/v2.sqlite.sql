-- Schema v1 → v2 (sqlite): API accounts and the cités each account may read.
-- Exactly the statements of v2.sqlite.sql that v1.sqlite.sql lacks; StoreSchemaTests checks the upgraded schema equals a new one.

CREATE TABLE "accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_accounts" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "KeyId" TEXT NOT NULL,
    "KeyHash" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedBy" TEXT NULL
);

CREATE TABLE "account_territories" (
    "AccountId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    CONSTRAINT "PK_account_territories" PRIMARY KEY ("AccountId", "TerritoryId"),
    CONSTRAINT "FK_account_territories_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_account_territories_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_account_territories_TerritoryId" ON "account_territories" ("TerritoryId");

CREATE UNIQUE INDEX "IX_accounts_KeyId" ON "accounts" ("KeyId");

CREATE UNIQUE INDEX "IX_accounts_Name" ON "accounts" ("Name");
