-- Schema v3 → v4 (sqlite): the web application's users (ASP.NET Core Identity), the cités each user may see, and the
-- data-protection key ring of the web application (session cookies, antiforgery tokens, password-reset links).
-- Exactly the statements of v4.sqlite.sql that v3.sqlite.sql lacks; StoreSchemaTests checks the upgraded schema equals a new one.

CREATE TABLE "users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "Role" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "DisabledAt" TEXT NULL,
    "DisabledBy" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "NormalizedUserName" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "web_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_web_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "user_territories" (
    "UserId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    CONSTRAINT "PK_user_territories" PRIMARY KEY ("UserId", "TerritoryId"),
    CONSTRAINT "FK_user_territories_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_user_territories_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_user_territories_TerritoryId" ON "user_territories" ("TerritoryId");

CREATE UNIQUE INDEX "IX_users_NormalizedUserName" ON "users" ("NormalizedUserName");
