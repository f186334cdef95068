using ImpactEval.Collection;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>Status and group changes of a participant, with their reason and history, through <see cref="CohortService"/> (audited there).</summary>
[Authorize(Policy = WebPolicies.ManageCohort)]
public sealed class ChangementModel(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, LocalClock clock) : AppPageModel
{
    /// <summary>One change of the history.</summary>
    public sealed record Change(string RecordedAt, string By, string Pseudonym, string What, DateOnly EffectiveOn, string? Reason);

    /// <summary>The participant's identifier typed (never stored).</summary>
    [BindProperty] public string Identifiant { get; set; } = "";

    /// <summary>"statut" or "groupe".</summary>
    [BindProperty] public string Nature { get; set; } = "statut";

    /// <summary>The status code chosen.</summary>
    [BindProperty] public string Statut { get; set; } = "";

    /// <summary>The group code chosen.</summary>
    [BindProperty] public string Groupe { get; set; } = "";

    /// <summary>The effective date typed (JJ/MM/AAAA).</summary>
    [BindProperty] public string DateEffet { get; set; } = "";

    /// <summary>The reason typed.</summary>
    [BindProperty] public string? Motif { get; set; }

    /// <summary>The outcome.</summary>
    public string? Message { get; private set; }

    /// <summary>The protocol's groups.</summary>
    public IReadOnlyList<(string Code, string Label)> Groups { get; private set; } = [];

    /// <summary>The latest changes.</summary>
    public IReadOnlyList<Change> History { get; private set; } = [];

    /// <summary>Shows the form and the history.</summary>
    public async Task OnGetAsync()
    {
        DateEffet = FrenchDate.Format(clock.Today);
        await LoadAsync();
    }

    /// <summary>Records the change.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Identifiant)) Errors.Add("identifiant", "Indiquez l’identifiant du participant.");
        if (!DateOnly.TryParseExact(DateEffet.Trim(), "dd/MM/yyyy", out var effectiveOn)) Errors.Add("date-effet", $"« {DateEffet} » n’est pas une date au format JJ/MM/AAAA.");
        if (!Errors.Any)
        {
            var cohort = new CohortService(db, pseudonymiser);
            var outcome = Nature == "groupe"
                ? await cohort.ChangeGroupAsync(Cite.ProtocolCode!, Identifiant.Trim(), Groupe, effectiveOn, Motif, Scope.Actor, HttpContext.RequestAborted)
                : await cohort.ChangeStatusAsync(Cite.ProtocolCode!, Identifiant.Trim(), EnrolmentStatusText.FromCode(Statut), effectiveOn, Motif, Scope.Actor, HttpContext.RequestAborted);
            if (outcome.Applied)
            {
                Message = outcome.Message;
                Identifiant = "";
                Motif = null;
            }
            else Errors.Add(outcome.Message.Contains("motiv", StringComparison.Ordinal) ? "motif" : outcome.Message.Contains("date", StringComparison.OrdinalIgnoreCase) ? "date-effet" : "identifiant", outcome.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var protocolId = Cite.ProtocolId!.Value;
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProtocolId == protocolId).OrderBy(g => g.Id).Select(g => new { g.Id, g.Code, g.Label }).ToListAsync(cancel);
        Groups = [.. groups.Select(g => (g.Code, g.Label))];
        var codes = groups.ToDictionary(g => g.Id, g => g.Code);
        var enrolments = db.Enrolments.Where(e => e.ProtocolId == protocolId);
        var statuses = await (from e in enrolments join c in db.EnrolmentStatusChanges on e.Id equals c.EnrolmentId
                              orderby c.Id descending
                              select new { c.RecordedAt, c.RecordedBy, e.Participant!.Pseudonym, c.PreviousStatus, c.Status, c.EffectiveOn, c.Reason }).Take(100).ToListAsync(cancel);
        var moves = await (from e in enrolments join c in db.GroupChanges on e.Id equals c.EnrolmentId
                           orderby c.Id descending
                           select new { c.RecordedAt, c.RecordedBy, e.Participant!.Pseudonym, c.PreviousGroupId, c.GroupId, c.EffectiveOn, c.Reason }).Take(100).ToListAsync(cancel);
        History = [.. statuses.Select(s => (s.RecordedAt, new Change(clock.Format(s.RecordedAt), s.RecordedBy, Short(s.Pseudonym),
                    $"statut {EnrolmentStatusText.FromCode(s.PreviousStatus).Label()} → {EnrolmentStatusText.FromCode(s.Status).Label()}", s.EffectiveOn, s.Reason)))
            .Concat(moves.Select(m => (m.RecordedAt, new Change(clock.Format(m.RecordedAt), m.RecordedBy, Short(m.Pseudonym),
                $"groupe {codes[m.PreviousGroupId]} → {codes[m.GroupId]}", m.EffectiveOn, m.Reason))))
            .OrderByDescending(c => c.RecordedAt).Take(100).Select(c => c.Item2)];
    }

    private static string Short(string pseudonym) => pseudonym[..Math.Min(12, pseudonym.Length)];
}
