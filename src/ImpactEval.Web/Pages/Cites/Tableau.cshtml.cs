using ImpactEval.Collection;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// The dashboard of a cité: each protocol with its campaigns and due dates, the next waves, and — for the roles that
/// see participants — completeness by wave × group × school and the overdue list with whom to chase.
/// </summary>
[Authorize(Policy = WebPolicies.SeeProtocols)]
public sealed class TableauModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>How many overdue entries are listed per protocol.</summary>
    public const int OverdueListed = 50;

    /// <summary>One wave's outlook.</summary>
    /// <param name="Code">Wave code.</param>
    /// <param name="Label">Its label.</param>
    /// <param name="NextOpens">The earliest window still to come or open (first day).</param>
    /// <param name="NextCloses">Its last day.</param>
    /// <param name="Upcoming">Windows not opened yet.</param>
    /// <param name="Open">Open windows not collected yet.</param>
    /// <param name="Overdue">Closed windows without values.</param>
    /// <param name="Collected">Collected.</param>
    public sealed record WaveOutlook(string Code, string Label, DateOnly? NextOpens, DateOnly? NextCloses, int Upcoming, int Open, int Overdue, int Collected);

    /// <summary>An overdue entry and whom to chase.</summary>
    /// <param name="Entry">The participant's wave.</param>
    /// <param name="Chase">Who provides the wave's values ("enseignant·e de l’école E3").</param>
    public sealed record OverdueItem(ParticipantWave Entry, string Chase);

    /// <summary>What the dashboard shows of one protocol.</summary>
    public sealed record ProtocolPanel(string Code, string Title, int Version, IReadOnlyList<CampaignReport> Campaigns, CohortStatus? Status,
        IReadOnlyList<WaveOutlook> Waves, IReadOnlyList<OverdueItem> Overdue, int OverdueTotal);

    /// <summary>The day described.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The cité's protocols.</summary>
    public IReadOnlyList<ProtocolPanel> Protocols { get; private set; } = [];

    /// <summary>Reads the dashboard.</summary>
    public async Task OnGetAsync()
    {
        Today = clock.Today;
        var cancel = HttpContext.RequestAborted;
        var protocols = await db.Protocols.AsNoTracking().Where(p => p.TerritoryId == Cite.TerritoryId).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Title, p.CurrentVersion }).ToListAsync(cancel);
        var panels = new List<ProtocolPanel>();
        foreach (var protocol in protocols)
        {
            var campaigns = new List<CampaignReport>();
            var service = new CampaignService(db);
            foreach (var code in await db.Campaigns.AsNoTracking().Where(c => c.ProtocolId == protocol.Id).OrderBy(c => c.OpensOn).Select(c => c.Code).ToListAsync(cancel))
                if (await service.StatusAsync(code, Today, cancel) is { } report) campaigns.Add(report);
            var status = await new CohortStatusService(db).GetAsync(protocol.Code, Today, cancel);
            var definition = (await new ProtocolRegistry(db).LoadCurrentAsync(protocol.Code, cancel))!.Value.Protocol;
            var waves = new List<WaveOutlook>();
            var overdue = new List<OverdueItem>();
            if (status is not null)
            {
                foreach (var group in status.Entries.GroupBy(e => e.Wave))
                {
                    var next = group.Where(e => e.State is WaveState.Upcoming or WaveState.Open).MinBy(e => e.WindowOpens);
                    var wave = definition.FindWave(group.Key)!;
                    waves.Add(new WaveOutlook(wave.Code, wave.Label, next?.WindowOpens, next?.WindowCloses, group.Count(e => e.State == WaveState.Upcoming),
                        group.Count(e => e.State == WaveState.Open), group.Count(e => e.State == WaveState.Overdue), group.Count(e => e.State.IsCollected())));
                }
                if (Scope.Allows(AccessPermission.SeeParticipants))
                {
                    var respondents = definition.Waves.ToDictionary(w => w.Code, w => string.Join(", ",
                        definition.Indicators.Where(i => i.WaveCodes.Contains(w.Code)).Select(i => i.Respondent ?? "responsable de la collecte").Distinct()));
                    var unit = definition.Cluster?.Label.ToLowerInvariant() ?? "unité";
                    overdue.AddRange(status.Overdue.Take(OverdueListed).Select(e =>
                        new OverdueItem(e, respondents[e.Wave] + (e.Cluster is null ? "" : $" ({unit} {e.Cluster})"))));
                }
            }
            panels.Add(new ProtocolPanel(protocol.Code, protocol.Title, protocol.CurrentVersion, campaigns, status, waves, overdue, status?.Overdue.Length ?? 0));
        }
        Protocols = panels;
    }
}
