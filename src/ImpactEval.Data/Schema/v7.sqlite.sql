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


CREATE TABLE "audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "TerritoryId" INTEGER NULL,
    "Subject" TEXT NOT NULL,
    "Details" TEXT NULL
);


CREATE TABLE "change_cursors" (
    "Source" TEXT NOT NULL CONSTRAINT "PK_change_cursors" PRIMARY KEY,
    "LastId" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "job_runs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_job_runs" PRIMARY KEY AUTOINCREMENT,
    "JobGroup" TEXT NOT NULL,
    "JobName" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "FireInstanceId" TEXT NOT NULL,
    "Node" TEXT NOT NULL,
    "ScheduledAt" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempt" INTEGER NOT NULL,
    "Recovering" INTEGER NOT NULL,
    "Summary" TEXT NULL,
    "Error" TEXT NULL,
    "Inputs" TEXT NULL
);


CREATE TABLE "outbox_messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox_messages" PRIMARY KEY AUTOINCREMENT,
    "IdempotencyKey" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "GaveUp" INTEGER NOT NULL
);


CREATE TABLE "regions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_regions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);


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


CREATE TABLE "departements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_departements" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RegionId" INTEGER NOT NULL,
    CONSTRAINT "FK_departements_regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "territories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_territories" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DepartementId" INTEGER NULL,
    "LabelYear" INTEGER NULL,
    "Communes" TEXT NULL,
    "Qpv" TEXT NULL,
    "Rep" TEXT NULL,
    "RepPlus" TEXT NULL,
    "CollegeChefDeFile" TEXT NULL,
    "Contacts" TEXT NULL,
    "RegisteredAt" TEXT NULL,
    CONSTRAINT "FK_territories_departements_DepartementId" FOREIGN KEY ("DepartementId") REFERENCES "departements" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "account_territories" (
    "AccountId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    CONSTRAINT "PK_account_territories" PRIMARY KEY ("AccountId", "TerritoryId"),
    CONSTRAINT "FK_account_territories_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_account_territories_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "erased_participants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_erased_participants" PRIMARY KEY AUTOINCREMENT,
    "TerritoryId" INTEGER NOT NULL,
    "Pseudonym" TEXT NOT NULL,
    "FoldKey" TEXT NULL,
    "ErasedOn" TEXT NOT NULL,
    CONSTRAINT "FK_erased_participants_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "participants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_participants" PRIMARY KEY AUTOINCREMENT,
    "TerritoryId" INTEGER NOT NULL,
    "Pseudonym" TEXT NOT NULL,
    "FoldKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_participants_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "protocols" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_protocols" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "CurrentVersion" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_protocols_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "user_territories" (
    "UserId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    CONSTRAINT "PK_user_territories" PRIMARY KEY ("UserId", "TerritoryId"),
    CONSTRAINT "FK_user_territories_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_user_territories_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "data_watermarks" (
    "ProtocolId" INTEGER NOT NULL CONSTRAINT "PK_data_watermarks" PRIMARY KEY,
    "ProtocolVersion" INTEGER NOT NULL,
    "PendingSince" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_data_watermarks_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "estimate_runs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_estimate_runs" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "ProtocolVersion" INTEGER NOT NULL,
    "DataFingerprint" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    "ResultJson" TEXT NOT NULL,
    CONSTRAINT "FK_estimate_runs_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_groups" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_groups_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "imports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_imports" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Rows" INTEGER NOT NULL,
    "Inserted" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "Synthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_imports_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_indicators" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Scale" TEXT NOT NULL,
    CONSTRAINT "FK_indicators_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "protocol_versions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_protocol_versions" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SourceText" TEXT NOT NULL,
    "SourceFile" TEXT NOT NULL,
    "RegisteredBy" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Evaluability" TEXT NULL,
    CONSTRAINT "FK_protocol_versions_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "report_renders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_renders" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "ProtocolId" INTEGER NOT NULL,
    "ProtocolVersion" INTEGER NOT NULL,
    "DataFingerprint" TEXT NOT NULL,
    "Template" TEXT NOT NULL,
    "Directory" TEXT NOT NULL,
    "Files" TEXT NOT NULL,
    "RenderedAt" TEXT NOT NULL,
    CONSTRAINT "FK_report_renders_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "waves" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_waves" PRIMARY KEY AUTOINCREMENT,
    "ProtocolId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "FixedDate" TEXT NULL,
    "OffsetDays" INTEGER NULL,
    "DaysBefore" INTEGER NOT NULL,
    "DaysAfter" INTEGER NOT NULL,
    CONSTRAINT "FK_waves_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE
);


CREATE TABLE "enrolments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_enrolments" PRIMARY KEY AUTOINCREMENT,
    "ParticipantId" INTEGER NOT NULL,
    "ProtocolId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "ClusterCode" TEXT NULL,
    "EnrolledOn" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Status" TEXT NOT NULL,
    CONSTRAINT "FK_enrolments_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "groups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_enrolments_participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "participants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_enrolments_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "aggregate_values" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aggregate_values" PRIMARY KEY AUTOINCREMENT,
    "TerritoryId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "Value" REAL NOT NULL,
    "ImportId" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aggregate_values_imports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "imports" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_aggregate_values_indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_aggregate_values_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "campaigns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_campaigns" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "ProtocolId" INTEGER NOT NULL,
    "WaveId" INTEGER NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "PeriodLabel" TEXT NULL,
    "IndicatorCodes" TEXT NULL,
    "OpensOn" TEXT NOT NULL,
    "ClosesOn" TEXT NOT NULL,
    "ExpiryDays" INTEGER NULL,
    "State" TEXT NOT NULL,
    "OpenedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "LockedAt" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_campaigns_protocols_ProtocolId" FOREIGN KEY ("ProtocolId") REFERENCES "protocols" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_campaigns_waves_WaveId" FOREIGN KEY ("WaveId") REFERENCES "waves" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "baseline_values" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_baseline_values" PRIMARY KEY AUTOINCREMENT,
    "EnrolmentId" INTEGER NOT NULL,
    "CovariateCode" TEXT NOT NULL,
    "Value" REAL NOT NULL,
    CONSTRAINT "FK_baseline_values_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "enrolments" ("Id") ON DELETE CASCADE
);


CREATE TABLE "enrolment_status_changes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_enrolment_status_changes" PRIMARY KEY AUTOINCREMENT,
    "EnrolmentId" INTEGER NOT NULL,
    "PreviousStatus" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "EffectiveOn" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_enrolment_status_changes_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "enrolments" ("Id") ON DELETE CASCADE
);


CREATE TABLE "group_changes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_group_changes" PRIMARY KEY AUTOINCREMENT,
    "EnrolmentId" INTEGER NOT NULL,
    "PreviousGroupId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "EffectiveOn" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_group_changes_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "enrolments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_group_changes_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "groups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_group_changes_groups_PreviousGroupId" FOREIGN KEY ("PreviousGroupId") REFERENCES "groups" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "observations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_observations" PRIMARY KEY AUTOINCREMENT,
    "EnrolmentId" INTEGER NOT NULL,
    "WaveId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Value" REAL NOT NULL,
    "CollectedOn" TEXT NULL,
    "ImportId" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_observations_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "enrolments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_observations_imports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "imports" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_observations_indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_observations_waves_WaveId" FOREIGN KEY ("WaveId") REFERENCES "waves" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "aggregate_value_revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_aggregate_value_revisions" PRIMARY KEY AUTOINCREMENT,
    "AggregateValueId" INTEGER NOT NULL,
    "PreviousValue" REAL NOT NULL,
    "NewValue" REAL NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "FK_aggregate_value_revisions_aggregate_values_AggregateValueId" FOREIGN KEY ("AggregateValueId") REFERENCES "aggregate_values" ("Id") ON DELETE CASCADE
);


CREATE TABLE "campaign_exceptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_campaign_exceptions" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NULL,
    "Until" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "GrantedBy" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    CONSTRAINT "FK_campaign_exceptions_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_campaign_exceptions_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "campaign_territories" (
    "CampaignId" INTEGER NOT NULL,
    "TerritoryId" INTEGER NOT NULL,
    CONSTRAINT "PK_campaign_territories" PRIMARY KEY ("CampaignId", "TerritoryId"),
    CONSTRAINT "FK_campaign_territories_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_campaign_territories_territories_TerritoryId" FOREIGN KEY ("TerritoryId") REFERENCES "territories" ("Id") ON DELETE RESTRICT
);


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


CREATE TABLE "observation_revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_observation_revisions" PRIMARY KEY AUTOINCREMENT,
    "ObservationId" INTEGER NOT NULL,
    "PreviousValue" REAL NOT NULL,
    "PreviousCollectedOn" TEXT NULL,
    "NewValue" REAL NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "FK_observation_revisions_observations_ObservationId" FOREIGN KEY ("ObservationId") REFERENCES "observations" ("Id") ON DELETE CASCADE
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


CREATE INDEX "IX_account_territories_TerritoryId" ON "account_territories" ("TerritoryId");


CREATE UNIQUE INDEX "IX_accounts_KeyId" ON "accounts" ("KeyId");


CREATE UNIQUE INDEX "IX_accounts_Name" ON "accounts" ("Name");


CREATE INDEX "IX_aggregate_value_revisions_AggregateValueId" ON "aggregate_value_revisions" ("AggregateValueId");


CREATE INDEX "IX_aggregate_values_ImportId" ON "aggregate_values" ("ImportId");


CREATE UNIQUE INDEX "IX_aggregate_values_IndicatorId_TerritoryId_PeriodStart_PeriodEnd" ON "aggregate_values" ("IndicatorId", "TerritoryId", "PeriodStart", "PeriodEnd");


CREATE INDEX "IX_aggregate_values_TerritoryId" ON "aggregate_values" ("TerritoryId");


CREATE INDEX "IX_audit_entries_At" ON "audit_entries" ("At");


CREATE UNIQUE INDEX "IX_baseline_values_EnrolmentId_CovariateCode" ON "baseline_values" ("EnrolmentId", "CovariateCode");


CREATE INDEX "IX_campaign_exceptions_CampaignId" ON "campaign_exceptions" ("CampaignId");


CREATE INDEX "IX_campaign_exceptions_TerritoryId" ON "campaign_exceptions" ("TerritoryId");


CREATE INDEX "IX_campaign_territories_TerritoryId" ON "campaign_territories" ("TerritoryId");


CREATE UNIQUE INDEX "IX_campaigns_Code" ON "campaigns" ("Code");


CREATE INDEX "IX_campaigns_ProtocolId_WaveId" ON "campaigns" ("ProtocolId", "WaveId");


CREATE INDEX "IX_campaigns_WaveId" ON "campaigns" ("WaveId");


CREATE UNIQUE INDEX "IX_departements_Code" ON "departements" ("Code");


CREATE INDEX "IX_departements_RegionId" ON "departements" ("RegionId");


CREATE INDEX "IX_enrolment_status_changes_EnrolmentId" ON "enrolment_status_changes" ("EnrolmentId");


CREATE INDEX "IX_enrolments_GroupId" ON "enrolments" ("GroupId");


CREATE INDEX "IX_enrolments_ParticipantId" ON "enrolments" ("ParticipantId");


CREATE UNIQUE INDEX "IX_enrolments_ProtocolId_ParticipantId" ON "enrolments" ("ProtocolId", "ParticipantId");


CREATE INDEX "IX_erased_participants_TerritoryId_FoldKey" ON "erased_participants" ("TerritoryId", "FoldKey");


CREATE UNIQUE INDEX "IX_erased_participants_TerritoryId_Pseudonym" ON "erased_participants" ("TerritoryId", "Pseudonym");


CREATE INDEX "IX_estimate_runs_ProtocolId_ComputedAt" ON "estimate_runs" ("ProtocolId", "ComputedAt");


CREATE INDEX "IX_group_changes_EnrolmentId" ON "group_changes" ("EnrolmentId");


CREATE INDEX "IX_group_changes_GroupId" ON "group_changes" ("GroupId");


CREATE INDEX "IX_group_changes_PreviousGroupId" ON "group_changes" ("PreviousGroupId");


CREATE UNIQUE INDEX "IX_groups_ProtocolId_Code" ON "groups" ("ProtocolId", "Code");


CREATE INDEX "IX_imports_ProtocolId_Kind_Sha256" ON "imports" ("ProtocolId", "Kind", "Sha256");


CREATE UNIQUE INDEX "IX_indicators_ProtocolId_Code" ON "indicators" ("ProtocolId", "Code");


CREATE INDEX "IX_job_runs_FireInstanceId" ON "job_runs" ("FireInstanceId");


CREATE INDEX "IX_job_runs_JobGroup_JobName_StartedAt" ON "job_runs" ("JobGroup", "JobName", "StartedAt");


CREATE INDEX "IX_job_runs_StartedAt" ON "job_runs" ("StartedAt");


CREATE INDEX "IX_observation_revisions_ObservationId" ON "observation_revisions" ("ObservationId");


CREATE UNIQUE INDEX "IX_observations_EnrolmentId_WaveId_IndicatorId" ON "observations" ("EnrolmentId", "WaveId", "IndicatorId");


CREATE UNIQUE INDEX "IX_outbox_messages_IdempotencyKey" ON "outbox_messages" ("IdempotencyKey");


CREATE INDEX "IX_outbox_messages_SentAt_NextAttemptAt" ON "outbox_messages" ("SentAt", "NextAttemptAt");


CREATE UNIQUE INDEX "IX_participants_TerritoryId_FoldKey" ON "participants" ("TerritoryId", "FoldKey");


CREATE UNIQUE INDEX "IX_participants_TerritoryId_Pseudonym" ON "participants" ("TerritoryId", "Pseudonym");


CREATE UNIQUE INDEX "IX_protocol_versions_ProtocolId_Number" ON "protocol_versions" ("ProtocolId", "Number");


CREATE UNIQUE INDEX "IX_protocols_Code" ON "protocols" ("Code");


CREATE INDEX "IX_protocols_TerritoryId" ON "protocols" ("TerritoryId");


CREATE UNIQUE INDEX "IX_regions_Code" ON "regions" ("Code");


CREATE UNIQUE INDEX "IX_report_renders_Key" ON "report_renders" ("Key");


CREATE INDEX "IX_report_renders_ProtocolId_RenderedAt" ON "report_renders" ("ProtocolId", "RenderedAt");


CREATE INDEX "IX_submission_events_SubmissionId" ON "submission_events" ("SubmissionId");


CREATE UNIQUE INDEX "IX_submissions_CampaignId_TerritoryId" ON "submissions" ("CampaignId", "TerritoryId");


CREATE INDEX "IX_submissions_TerritoryId" ON "submissions" ("TerritoryId");


CREATE UNIQUE INDEX "IX_territories_Code" ON "territories" ("Code");


CREATE INDEX "IX_territories_DepartementId" ON "territories" ("DepartementId");


CREATE INDEX "IX_user_territories_TerritoryId" ON "user_territories" ("TerritoryId");


CREATE UNIQUE INDEX "IX_users_NormalizedUserName" ON "users" ("NormalizedUserName");


CREATE UNIQUE INDEX "IX_waves_ProtocolId_Code" ON "waves" ("ProtocolId", "Code");


