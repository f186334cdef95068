using ImpactEval.Core.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Values;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Campaigns;

/// <summary>
/// Collection campaigns: a window for a protocol's wave (participant observations) or for a questionnaire (aggregated
/// values of a period), with opening and closing dates, a lock after closing (expiry days), exceptions granted by a
/// coordinator, timeliness (on time / late, judged on the day a value reached the store) and completeness per
/// respondent. The worker schedules <see cref="OpenDueAsync"/>, <see cref="CloseAndLockDueAsync"/> and
/// <see cref="OwingAsync"/> (reminders); coordinators call the other methods. Every change is audited.
/// </summary>
/// <remarks>
/// The dates decide the state (<see cref="CampaignCalendar"/>): opening or closing early moves a date, and imports check
/// the dates, so a scheduler that did not run never leaves a campaign writable after its lock date. The recorded state
/// only says what the scheduler last announced.
/// </remarks>
public sealed partial class CampaignService(ImpactEvalDbContext db)
{
    /// <summary>Creates a campaign (state from its dates); refused with a French reason when the definition is invalid.</summary>
    /// <param name="definition">The campaign.</param>
    /// <param name="actor">Who creates it (a coordinator).</param>
    /// <param name="today">The day of creation (local date).</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<CampaignOutcome> CreateAsync(CampaignDefinition definition, string actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!CodePattern().IsMatch(definition.Code))
            return Refused($"Le code de campagne « {definition.Code} » ne doit contenir que des lettres sans accent, des chiffres, « - » et « _ ».");
        if (await db.Campaigns.AnyAsync(c => c.Code == definition.Code, cancellationToken))
            return Refused($"Une campagne « {definition.Code} » existe déjà.");
        var protocol = await db.Protocols.SingleOrDefaultAsync(p => p.Code == definition.Protocol, cancellationToken);
        if (protocol is null) return Refused($"Aucun protocole « {definition.Protocol} » n'est enregistré.");
        if ((definition.Wave is null) == (definition.Period is null))
            return Refused("Une campagne porte soit sur une vague (--wave), soit sur une période de questionnaire (--period), pas les deux ni aucune.");
        if (definition.ClosesOn < definition.OpensOn)
            return Refused($"La clôture ({FrenchDate.Format(definition.ClosesOn)}) précède l'ouverture ({FrenchDate.Format(definition.OpensOn)}).");
        if (definition.ExpiryDays is < 0) return Refused("Le délai de verrouillage après clôture doit être positif ou nul (en jours).");

        var campaign = new Campaign
        {
            Code = definition.Code, Label = definition.Label.Trim(), ProtocolId = protocol.Id, OpensOn = definition.OpensOn, ClosesOn = definition.ClosesOn,
            ExpiryDays = definition.ExpiryDays, State = "", CreatedBy = actor, CreatedAt = DateTime.UtcNow,
        };
        if (definition.Wave is { } waveCode)
        {
            var wave = await db.Waves.SingleOrDefaultAsync(w => w.ProtocolId == protocol.Id && w.Code == waveCode, cancellationToken);
            if (wave is null) return Refused($"La vague « {waveCode} » n'existe pas dans le protocole « {definition.Protocol} ».");
            campaign.WaveId = wave.Id;
        }
        else
        {
            if (!ReportingPeriod.TryParse(definition.Period!, out var period, out var error)) return Refused(error!);
            (campaign.PeriodStart, campaign.PeriodEnd, campaign.PeriodLabel) = (period.Start, period.End, period.Label);
            var indicators = definition.Indicators.IsDefaultOrEmpty ? [] : definition.Indicators;
            var known = await db.Indicators.Where(i => i.ProtocolId == protocol.Id).Select(i => i.Code).ToListAsync(cancellationToken);
            if (indicators.FirstOrDefault(i => !known.Contains(i)) is { } unknown)
                return Refused($"L'indicateur « {unknown} » n'existe pas dans le protocole. Indicateurs : {string.Join(", ", known)}.");
            campaign.IndicatorCodes = indicators.IsEmpty ? null : string.Join(',', indicators);
            foreach (var code in definition.Territories.IsDefaultOrEmpty ? [] : definition.Territories)
            {
                var territory = await db.Territories.SingleOrDefaultAsync(t => t.Code == code, cancellationToken);
                if (territory is null) return Refused($"Le territoire « {code} » est inconnu.");
                campaign.Territories.Add(new CampaignTerritory { TerritoryId = territory.Id });
            }
        }
        campaign.State = CampaignCalendar.Of(campaign).StateOn(today).Code();
        db.Campaigns.Add(campaign);
        var state = CampaignStateText.FromCode(campaign.State);
        Audit(campaign, actor, "campaign.create", $"{Describe(campaign, definition.Wave)}, état : {state.Label()}");
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignOutcome(true, $"Campagne « {campaign.Code} » créée : {Describe(campaign, definition.Wave)} ({state.Label()}).");
    }

    /// <summary>
    /// Opens a campaign now: a planned campaign opens today; a closed or locked one reopens until <paramref name="closesOn"/>
    /// (required then).
    /// </summary>
    /// <param name="code">The campaign's code.</param>
    /// <param name="today">Today (local date).</param>
    /// <param name="closesOn">New closing date, to reopen a closed campaign; ignored otherwise unless later than the current one.</param>
    /// <param name="actor">Who opens it.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    public async Task<CampaignOutcome> OpenAsync(string code, DateOnly today, DateOnly? closesOn, string actor, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null) return Refused($"Aucune campagne « {code} ».");
        var state = CampaignCalendar.Of(campaign).StateOn(today);
        if (closesOn is { } newClose && newClose < today) return Refused($"La nouvelle date de clôture ({FrenchDate.Format(newClose)}) est passée.");
        switch (state)
        {
            case CampaignState.Open when closesOn is null || closesOn <= campaign.ClosesOn:
                return Refused($"La campagne « {code} » est déjà ouverte jusqu'au {FrenchDate.Format(campaign.ClosesOn)}.");
            case CampaignState.Closed or CampaignState.Locked when closesOn is null:
                return Refused($"La campagne « {code} » est close depuis le {FrenchDate.Format(campaign.ClosesOn.AddDays(1))} : pour la rouvrir, donnez une nouvelle date de clôture (--closes).");
        }
        if (campaign.OpensOn > today) campaign.OpensOn = today;
        if (closesOn is { } close) campaign.ClosesOn = close;
        campaign.State = CampaignState.Open.Code();
        campaign.OpenedAt = DateTime.UtcNow;
        (campaign.ClosedAt, campaign.LockedAt) = (null, null); // reopened: its earlier closing no longer closes it (the audit keeps it)
        var message = $"ouverte du {FrenchDate.Format(campaign.OpensOn)} au {FrenchDate.Format(campaign.ClosesOn)}";
        Audit(campaign, actor, "campaign.open", message);
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignOutcome(true, $"Campagne « {code} » {message}.");
    }

    /// <summary>
    /// Closes an open campaign now: today becomes its closing date (values received today stay on time, later ones are
    /// late), the campaign is closed from now on, and the lock follows after the expiry days.
    /// </summary>
    /// <param name="code">The campaign's code.</param>
    /// <param name="today">Today (local date).</param>
    /// <param name="actor">Who closes it.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    public async Task<CampaignOutcome> CloseAsync(string code, DateOnly today, string actor, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null) return Refused($"Aucune campagne « {code} ».");
        var state = CampaignCalendar.Of(campaign).StateOn(today);
        if (state == CampaignState.Planned) return Refused($"La campagne « {code} » n'est pas encore ouverte (ouverture le {FrenchDate.Format(campaign.OpensOn)}).");
        if (state != CampaignState.Open) return Refused($"La campagne « {code} » est déjà close ({state.Label()}).");
        campaign.ClosesOn = today;
        campaign.ClosedAt = DateTime.UtcNow;
        var calendar = CampaignCalendar.Of(campaign);
        campaign.State = calendar.StateOn(today).Code();
        if (calendar.StateOn(today) == CampaignState.Locked) campaign.LockedAt = campaign.ClosedAt;
        var message = calendar.LocksOn is { } locks ? $"close ; verrouillage le {FrenchDate.Format(locks)}" : "close ; sans verrouillage";
        Audit(campaign, actor, "campaign.close", message);
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignOutcome(true, $"Campagne « {code} » {message}.");
    }

    /// <summary>Grants an exception on a campaign: values may be written until <paramref name="until"/> even after the lock.</summary>
    /// <param name="code">The campaign's code.</param>
    /// <param name="territory">The territory allowed, or null for every territory of the campaign.</param>
    /// <param name="until">Last day (inclusive) the exception applies.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="actor">The coordinator granting it.</param>
    /// <param name="today">Today (local date).</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    public async Task<CampaignOutcome> GrantExceptionAsync(string code, string? territory, DateOnly until, string reason, string actor, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null) return Refused($"Aucune campagne « {code} ».");
        if (string.IsNullOrWhiteSpace(reason)) return Refused("Une dérogation doit être motivée (--reason).");
        if (until < today) return Refused($"La date de fin de dérogation ({FrenchDate.Format(until)}) est passée.");
        int? territoryId = null;
        if (territory is not null)
        {
            territoryId = await db.Territories.Where(t => t.Code == territory).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (territoryId is null) return Refused($"Le territoire « {territory} » est inconnu.");
        }
        db.CampaignExceptions.Add(new CampaignException
        {
            CampaignId = campaign.Id, TerritoryId = territoryId, Until = until, Reason = reason.Trim(), GrantedBy = actor, GrantedAt = DateTime.UtcNow,
        });
        var message = $"dérogation jusqu'au {FrenchDate.Format(until)}" + (territory is null ? " pour tous les territoires" : $" pour {territory}");
        Audit(campaign, actor, "campaign.exception", $"{message} (motif : {reason.Trim()})");
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignOutcome(true, $"Campagne « {code} » : {message}.");
    }

    /// <summary>Scheduler: records as open every campaign whose opening date has come (and announces it once).</summary>
    /// <param name="today">Today (local date).</param>
    /// <param name="actor">The scheduler's identity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<IReadOnlyList<CampaignTransition>> OpenDueAsync(DateOnly today, string actor, CancellationToken cancellationToken = default) =>
        AdvanceAsync(today, actor, state => state == CampaignState.Open, cancellationToken);

    /// <summary>Scheduler: records as closed, then locked, every campaign whose closing date, then lock date, has passed.</summary>
    /// <param name="today">Today (local date).</param>
    /// <param name="actor">The scheduler's identity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<IReadOnlyList<CampaignTransition>> CloseAndLockDueAsync(DateOnly today, string actor, CancellationToken cancellationToken = default) =>
        AdvanceAsync(today, actor, state => state is CampaignState.Closed or CampaignState.Locked, cancellationToken);

    /// <summary>The report of one campaign on <paramref name="today"/>, or null when no campaign has this code.</summary>
    public async Task<CampaignReport?> StatusAsync(string code, DateOnly today, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Territories).Include(c => c.Exceptions)
            .SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        return campaign is null ? null : await ReportAsync(campaign, today, cancellationToken);
    }

    /// <summary>The reports of every campaign, most recent opening first.</summary>
    public async Task<IReadOnlyList<CampaignReport>> ListAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Territories).Include(c => c.Exceptions)
            .OrderByDescending(c => c.OpensOn).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        var reports = new List<CampaignReport>(campaigns.Count);
        foreach (var campaign in campaigns) reports.Add(await ReportAsync(campaign, today, cancellationToken));
        return reports;
    }

    /// <summary>
    /// Scheduler (reminders): who still owes data to a campaign open or closed-but-not-locked on <paramref name="today"/>:
    /// schools for a wave campaign, territories for a questionnaire campaign.
    /// </summary>
    public async Task<IReadOnlyList<DataOwed>> OwingAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var owed = new List<DataOwed>();
        foreach (var report in await ListAsync(today, cancellationToken))
        {
            if (report.State is not (CampaignState.Open or CampaignState.Closed)) continue;
            var rows = report.Wave is null ? report.Respondents : report.Respondents.Where(r => r.Cluster is not null || report.Respondents.All(x => x.Cluster is null));
            foreach (var row in rows.Where(r => r.Missing > 0))
                owed.Add(new DataOwed(report.Code, report.Label, report.State, report.ClosesOn, report.LocksOn, row.Territory, row.Cluster, row.Missing, row.Expected));
        }
        return owed;
    }

    private async Task<IReadOnlyList<CampaignTransition>> AdvanceAsync(DateOnly today, string actor, Func<CampaignState, bool> target, CancellationToken cancellationToken)
    {
        var transitions = new List<CampaignTransition>();
        var now = DateTime.UtcNow;
        foreach (var campaign in await db.Campaigns.OrderBy(c => c.Id).ToListAsync(cancellationToken))
        {
            var recorded = CampaignStateText.FromCode(campaign.State);
            var actual = CampaignCalendar.Of(campaign).StateOn(today);
            if (actual == recorded || actual < recorded || !target(actual)) continue;
            campaign.State = actual.Code();
            if (actual == CampaignState.Open) campaign.OpenedAt ??= now;
            if (actual >= CampaignState.Closed) campaign.ClosedAt ??= now;
            if (actual == CampaignState.Locked) campaign.LockedAt ??= now;
            Audit(campaign, actor, $"campaign.{actual.Code()}", $"{recorded.Label()} → {actual.Label()} (calendrier)");
            transitions.Add(new CampaignTransition(campaign.Code, campaign.Label, recorded, actual));
        }
        await db.SaveChangesAsync(cancellationToken);
        return transitions;
    }

    private async Task<CampaignReport> ReportAsync(Campaign campaign, DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = CampaignCalendar.Of(campaign);
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Territory).SingleAsync(p => p.Id == campaign.ProtocolId, cancellationToken);
        var territories = await db.Territories.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        string? waveCode = null;
        ImmutableArray<RespondentCompleteness> respondents;
        if (campaign.WaveId is { } waveId)
        {
            waveCode = await db.Waves.Where(w => w.Id == waveId).Select(w => w.Code).SingleAsync(cancellationToken);
            respondents = await WaveRespondentsAsync(campaign, protocol, waveId, waveCode, calendar, today, cancellationToken);
        }
        else respondents = await QuestionnaireRespondentsAsync(campaign, protocol, territories, calendar, cancellationToken);
        var exceptions = campaign.Exceptions.OrderBy(e => e.GrantedAt)
            .Select(e => new CampaignExceptionInfo(e.TerritoryId is { } t ? territories[t] : null, e.Until, e.Reason, e.GrantedBy)).ToImmutableArray();
        return new CampaignReport(campaign.Code, campaign.Label, protocol.Code, waveCode, campaign.PeriodLabel, campaign.OpensOn, campaign.ClosesOn, calendar.LocksOn,
            calendar.StateOn(today), CampaignStateText.FromCode(campaign.State), respondents, exceptions);
    }

    /// <summary>Participants expected at the wave (not left, not "not expected"), and when their first value reached the store.</summary>
    private async Task<ImmutableArray<RespondentCompleteness>> WaveRespondentsAsync(Campaign campaign, Protocol protocol, int waveId, string waveCode,
        CampaignCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var status = await new CohortStatusService(db).GetAsync(protocol.Code, today, cancellationToken);
        var expected = status is null ? [] : status.Entries.Where(e => e.Wave == waveCode && e.State is not (WaveState.NotExpected or WaveState.Left)).ToList();
        var recorded = (await (from e in db.Enrolments where e.ProtocolId == protocol.Id // by index: this protocol's enrolments, then their rows
                               join o in db.Observations on e.Id equals o.EnrolmentId
                               where o.WaveId == waveId
                               select o)
                .GroupBy(o => o.EnrolmentId).Select(g => new { g.Key, First = g.Min(o => o.RecordedAt) }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Key, r => LocalDate(r.First));
        RespondentCompleteness Count(string? cluster, IEnumerable<ParticipantWave> entries)
        {
            int n = 0, onTime = 0, late = 0;
            foreach (var e in entries)
            {
                n++;
                if (!recorded.TryGetValue(e.EnrolmentId, out var on)) continue;
                if (calendar.IsOnTime(on)) onTime++; else late++;
            }
            return new RespondentCompleteness(protocol.Territory!.Code, cluster, n, onTime, late);
        }
        var rows = expected.GroupBy(e => e.Cluster).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Key, g)).ToList();
        if (rows.Count != 1 || rows[0].Cluster is not null) rows.Add(Count(null, expected));
        return [.. rows];
    }

    private async Task<ImmutableArray<RespondentCompleteness>> QuestionnaireRespondentsAsync(Campaign campaign, Protocol protocol, Dictionary<int, string> territories,
        CampaignCalendar calendar, CancellationToken cancellationToken)
    {
        var codes = campaign.IndicatorCodes?.Split(',') ?? [];
        var indicatorIds = await db.Indicators.Where(i => i.ProtocolId == protocol.Id && (codes.Length == 0 || codes.Contains(i.Code))).Select(i => i.Id).ToListAsync(cancellationToken);
        var expected = campaign.Territories.Count == 0 ? [protocol.TerritoryId] : campaign.Territories.Select(t => t.TerritoryId).ToList();
        var values = await db.AggregateValues.AsNoTracking()
            .Where(v => indicatorIds.Contains(v.IndicatorId) && v.PeriodStart == campaign.PeriodStart && v.PeriodEnd == campaign.PeriodEnd)
            .Select(v => new { v.TerritoryId, v.RecordedAt }).ToListAsync(cancellationToken);
        return [.. expected.Select(id => territories[id]).Order(StringComparer.Ordinal).Select(code =>
        {
            var id = territories.Single(t => t.Value == code).Key;
            var received = values.Where(v => v.TerritoryId == id).Select(v => LocalDate(v.RecordedAt)).ToList();
            var onTime = received.Count(calendar.IsOnTime);
            return new RespondentCompleteness(code, null, indicatorIds.Count, onTime, received.Count - onTime);
        })];
    }

    private void Audit(Campaign campaign, string actor, string action, string details) =>
        AuditTrail.Add(db, DateTime.UtcNow, actor, action, null, $"campagne {campaign.Code}", details);

    private static string Describe(Campaign campaign, string? wave) =>
        (wave is not null ? $"vague {wave}" : $"questionnaire {campaign.PeriodLabel}") +
        $", du {FrenchDate.Format(campaign.OpensOn)} au {FrenchDate.Format(campaign.ClosesOn)}" +
        (campaign.ExpiryDays is { } days ? $", verrouillée {days} jour(s) après la clôture" : ", sans verrouillage");

    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime());

    private static CampaignOutcome Refused(string message) => new(false, message);


    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex CodePattern();
}
