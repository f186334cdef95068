using ImpactEval.Data.Entities;
using ImpactEval.Data.EntityConfigurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactEval.Data;

/// <summary>The EF Core context of the ImpactEval store (SQLite or PostgreSQL, same model).</summary>
public sealed class ImpactEvalDbContext(DbContextOptions<ImpactEvalDbContext> options) : DbContext(options)
{
    /// <summary>Cités éducatives.</summary>
    public DbSet<Territory> Territories => Set<Territory>();

    /// <summary>Régions of the territory registry.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>Départements of the territory registry.</summary>
    public DbSet<Departement> Departements => Set<Departement>();

    /// <summary>Cités' submissions to questionnaire campaigns (the national workflow).</summary>
    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>History of the submissions' transitions.</summary>
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();

    /// <summary>Registered protocols.</summary>
    public DbSet<Protocol> Protocols => Set<Protocol>();

    /// <summary>Every registered version of every protocol.</summary>
    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();

    /// <summary>Groups (cohorts).</summary>
    public DbSet<Group> Groups => Set<Group>();

    /// <summary>Waves.</summary>
    public DbSet<Wave> Waves => Set<Wave>();

    /// <summary>Indicators and their scales.</summary>
    public DbSet<Indicator> Indicators => Set<Indicator>();

    /// <summary>Pseudonymous participants.</summary>
    public DbSet<Participant> Participants => Set<Participant>();

    /// <summary>Tombstones of erased participants (pseudonyms and the day only).</summary>
    public DbSet<ErasedParticipant> ErasedParticipants => Set<ErasedParticipant>();

    /// <summary>Enrolments of participants in protocols.</summary>
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    /// <summary>Baseline covariate values.</summary>
    public DbSet<BaselineValue> BaselineValues => Set<BaselineValue>();

    /// <summary>Observations.</summary>
    public DbSet<Observation> Observations => Set<Observation>();

    /// <summary>Previous values of corrected observations.</summary>
    public DbSet<ObservationRevision> ObservationRevisions => Set<ObservationRevision>();

    /// <summary>Accepted imports.</summary>
    public DbSet<Import> Imports => Set<Import>();

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>History of enrolment statuses.</summary>
    public DbSet<EnrolmentStatusChange> EnrolmentStatusChanges => Set<EnrolmentStatusChange>();

    /// <summary>History of group changes after enrolment.</summary>
    public DbSet<GroupChange> GroupChanges => Set<GroupChange>();

    /// <summary>Aggregated indicator values per territory and period.</summary>
    public DbSet<AggregateValue> AggregateValues => Set<AggregateValue>();

    /// <summary>Previous values of corrected aggregated values.</summary>
    public DbSet<AggregateValueRevision> AggregateValueRevisions => Set<AggregateValueRevision>();

    /// <summary>Collection campaigns.</summary>
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    /// <summary>Territories expected to answer questionnaire campaigns.</summary>
    public DbSet<CampaignTerritory> CampaignTerritories => Set<CampaignTerritory>();

    /// <summary>Exceptions granted on locked campaigns.</summary>
    public DbSet<CampaignException> CampaignExceptions => Set<CampaignException>();

    /// <summary>Computed estimates.</summary>
    public DbSet<EstimateRun> EstimateRuns => Set<EstimateRun>();

    /// <summary>Runs of scheduled jobs (worker).</summary>
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>Notifications waiting for (or done with) SMTP delivery.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Per protocol, the last import a recomputation was requested for.</summary>
    public DbSet<DataWatermark> DataWatermarks => Set<DataWatermark>();

    /// <summary>How far the worker has read each table of data changes.</summary>
    public DbSet<ChangeCursor> ChangeCursors => Set<ChangeCursor>();

    /// <summary>Reports rendered on schedule by the worker.</summary>
    public DbSet<ReportRender> ReportRenders => Set<ReportRender>();

    /// <summary>API accounts (name, role, hash of the key).</summary>
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>The territories each API account may see.</summary>
    public DbSet<AccountTerritory> AccountTerritories => Set<AccountTerritory>();

    /// <summary>People who sign in to the web application (ASP.NET Core Identity users).</summary>
    public DbSet<User> Users => Set<User>();

    /// <summary>The territories each web user may see.</summary>
    public DbSet<UserTerritory> UserTerritories => Set<UserTerritory>();

    /// <summary>The web application's data-protection key ring.</summary>
    public DbSet<WebKey> WebKeys => Set<WebKey>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Remove(typeof(ForeignKeyIndexConvention));
        configurationBuilder.Conventions.Add(services => new UnindexedForeignKeyConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        new TerritoryConfiguration().Configure(modelBuilder.Entity<Territory>());
        new RegionConfiguration().Configure(modelBuilder.Entity<Region>());
        new DepartementConfiguration().Configure(modelBuilder.Entity<Departement>());
        new SubmissionConfiguration().Configure(modelBuilder.Entity<Submission>());
        new SubmissionEventConfiguration().Configure(modelBuilder.Entity<SubmissionEvent>());
        new ProtocolConfiguration().Configure(modelBuilder.Entity<Protocol>());
        new ProtocolVersionConfiguration().Configure(modelBuilder.Entity<ProtocolVersion>());
        new GroupConfiguration().Configure(modelBuilder.Entity<Group>());
        new WaveConfiguration().Configure(modelBuilder.Entity<Wave>());
        new IndicatorConfiguration().Configure(modelBuilder.Entity<Indicator>());
        new ParticipantConfiguration().Configure(modelBuilder.Entity<Participant>());
        new ErasedParticipantConfiguration().Configure(modelBuilder.Entity<ErasedParticipant>());
        new EnrolmentConfiguration().Configure(modelBuilder.Entity<Enrolment>());
        new BaselineValueConfiguration().Configure(modelBuilder.Entity<BaselineValue>());
        new ObservationConfiguration().Configure(modelBuilder.Entity<Observation>());
        new ObservationRevisionConfiguration().Configure(modelBuilder.Entity<ObservationRevision>());
        new ImportConfiguration().Configure(modelBuilder.Entity<Import>());
        new AuditEntryConfiguration().Configure(modelBuilder.Entity<AuditEntry>());
        new EstimateRunConfiguration().Configure(modelBuilder.Entity<EstimateRun>());
        new EnrolmentStatusChangeConfiguration().Configure(modelBuilder.Entity<EnrolmentStatusChange>());
        new GroupChangeConfiguration().Configure(modelBuilder.Entity<GroupChange>());
        new AggregateValueConfiguration().Configure(modelBuilder.Entity<AggregateValue>());
        new AggregateValueRevisionConfiguration().Configure(modelBuilder.Entity<AggregateValueRevision>());
        new CampaignConfiguration().Configure(modelBuilder.Entity<Campaign>());
        new CampaignTerritoryConfiguration().Configure(modelBuilder.Entity<CampaignTerritory>());
        new CampaignExceptionConfiguration().Configure(modelBuilder.Entity<CampaignException>());
        new JobRunConfiguration().Configure(modelBuilder.Entity<JobRun>());
        new OutboxMessageConfiguration().Configure(modelBuilder.Entity<OutboxMessage>());
        new DataWatermarkConfiguration().Configure(modelBuilder.Entity<DataWatermark>());
        new ChangeCursorConfiguration().Configure(modelBuilder.Entity<ChangeCursor>());
        new ReportRenderConfiguration().Configure(modelBuilder.Entity<ReportRender>());
        new AccountConfiguration().Configure(modelBuilder.Entity<Account>());
        new AccountTerritoryConfiguration().Configure(modelBuilder.Entity<AccountTerritory>());
        new UserConfiguration().Configure(modelBuilder.Entity<User>());
        new UserTerritoryConfiguration().Configure(modelBuilder.Entity<UserTerritory>());
        new WebKeyConfiguration().Configure(modelBuilder.Entity<WebKey>());
    }
}
