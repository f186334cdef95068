using ImpactEval.Collection;
using ImpactEval.Collection.Observations;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// The data-entry form of one wave, generated from the protocol: one field per indicator of the wave (a list of the
/// scale's labelled levels, or a number with its range), French numbers and dates. Values go through
/// <see cref="ObservationService.CorrectAsync"/> — the scale's checks, the campaign lock, the revision history and the
/// audit of the command line's <c>observation correct</c> — all of a family's values in one transaction: all or nothing.
/// A value that replaces a different one is a correction and needs a reason.
/// </summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class SaisieVagueModel(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, LocalClock clock) : AppPageModel
{
    /// <summary>The reason recorded for a value entered where there was none.</summary>
    public const string EntryReason = "saisie en ligne";

    /// <summary>The wave code of the route.</summary>
    [BindProperty(SupportsGet = true)] public string Vague { get; set; } = "";

    /// <summary>The family's identifier (never stored).</summary>
    [BindProperty] public string Identifiant { get; set; } = "";

    /// <summary>The collection date typed.</summary>
    [BindProperty] public string DateCollecte { get; set; } = "";

    /// <summary>The values typed, by indicator code.</summary>
    [BindProperty] public Dictionary<string, string> Valeurs { get; set; } = [];

    /// <summary>The reason of a correction.</summary>
    [BindProperty] public string? Motif { get; set; }

    /// <summary>The wave.</summary>
    public Wave Wave { get; private set; } = null!;

    /// <summary>Its indicators, in protocol order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    /// <summary>The values stored for the family at this wave, by indicator code.</summary>
    public IReadOnlyDictionary<string, double> Existing { get; private set; } = new Dictionary<string, double>();

    /// <summary>The outcome.</summary>
    public string? Message { get; private set; }

    /// <summary>Today (local).</summary>
    public DateOnly Today => clock.Today;

    private Protocol protocol = null!;

    /// <summary>The id of an indicator's field.</summary>
    public string FieldId(string indicator) => "valeur-" + indicator.ToLowerInvariant().Replace('_', '-');

    /// <summary>The text shown in an indicator's field.</summary>
    public string ValueText(string indicator) => Valeurs.GetValueOrDefault(indicator) ?? "";

    /// <summary>A stored value as its scale labels it.</summary>
    public string LabelOf(string indicator, double value) => protocol.FindIndicator(indicator)!.Scale.Label(value);

    /// <summary>"de 0 à 100 %", or "nombre".</summary>
    public string RangeText(Indicator indicator) => (indicator.Scale.Minimum, indicator.Scale.Maximum) switch
    {
        ({ } min, { } max) => $"nombre de {FrenchNumber.Plain(min)} à {FrenchNumber.Plain(max)}{Unit(indicator.Scale.Unit)}",
        ({ } min, null) => $"nombre au moins égal à {FrenchNumber.Plain(min)}{Unit(indicator.Scale.Unit)}",
        _ => indicator.Scale.Type == Core.Model.ValueType.Count ? "nombre entier" : "nombre",
    };

    private static string Unit(string? unit) => unit is null ? "" : unit == "%" ? "\u202F%" : " " + unit;

    /// <summary>Shows the empty form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        DateCollecte = FrenchDate.Format(Today);
        return Page();
    }

    /// <summary>Shows the values stored for the family.</summary>
    public async Task<IActionResult> OnPostAfficherAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (await FindExistingAsync() is not { } existing) return Page();
        Existing = existing;
        foreach (var (code, value) in existing) Valeurs[code] = FrenchNumber.Plain(value);
        return Page();
    }

    /// <summary>Checks every value, then records them all (or nothing).</summary>
    public async Task<IActionResult> OnPostEnregistrerAsync()
    {
        if (!await LoadAsync()) return NotFound();
        DateOnly? collectedOn = null;
        if (DateOnly.TryParseExact(DateCollecte.Trim(), "dd/MM/yyyy", out var date)) collectedOn = date;
        else Errors.Add("date-collecte", $"« {DateCollecte} » n’est pas une date au format JJ/MM/AAAA (par exemple {FrenchDate.Format(Today)}).");
        if (collectedOn > Today) Errors.Add("date-collecte", $"La date de collecte ({DateCollecte}) est dans le futur.");
        var typed = new List<(Indicator Indicator, string Text, double Value)>();
        foreach (var indicator in Indicators)
        {
            var text = ValueText(indicator.Code).Trim();
            if (text.Length == 0) continue;
            if (indicator.Scale.TryRead(text, out var value, out var error)) typed.Add((indicator, text, value));
            else Errors.Add(FieldId(indicator.Code), $"{indicator.Label} : {error}");
        }
        if (typed.Count == 0 && !Errors.Any) Errors.Add(FieldId(Indicators[0].Code), "Saisissez au moins une valeur.");
        var existing = await FindExistingAsync();
        if (existing is null || Errors.Any) return Page();
        Existing = existing;

        var changed = typed.Where(t => !existing.TryGetValue(t.Indicator.Code, out var stored) || stored != t.Value).ToList();
        var corrections = changed.Where(t => existing.ContainsKey(t.Indicator.Code)).ToList();
        if (corrections.Count > 0 && string.IsNullOrWhiteSpace(Motif))
        {
            Errors.Add("motif", $"Indiquez le motif de la correction de {string.Join(", ", corrections.Select(c => c.Indicator.Code))} (par exemple « erreur de saisie, vérifié avec l’enseignante »).");
            return Page();
        }
        if (changed.Count == 0)
        {
            Message = "Les valeurs saisies sont déjà celles enregistrées : rien n’a changé.";
            return Page();
        }
        var service = new ObservationService(db, pseudonymiser);
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        foreach (var (indicator, text, _) in changed)
        {
            var reason = existing.ContainsKey(indicator.Code) ? Motif!.Trim() : EntryReason;
            var outcome = await service.CorrectAsync(Cite.ProtocolCode!, Identifiant.Trim(), Wave.Code, indicator.Code, text, collectedOn, reason, Scope.Actor, HttpContext.RequestAborted);
            if (outcome.Done) continue;
            await transaction.RollbackAsync(HttpContext.RequestAborted);
            db.ChangeTracker.Clear();
            Errors.Add(FieldId(indicator.Code), $"{indicator.Label} : {outcome.Message} Rien n’a été enregistré.");
            return Page();
        }
        await transaction.CommitAsync(HttpContext.RequestAborted);
        Message = $"{changed.Count} valeur(s) enregistrée(s) pour la vague {Wave.Code}" + (corrections.Count > 0 ? $", dont {corrections.Count} correction(s) motivée(s)." : ".");
        Identifiant = "";
        Valeurs = [];
        Motif = null;
        Existing = new Dictionary<string, double>();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        if (protocol.FindWave(Vague) is not { } wave) return false;
        Wave = wave;
        Indicators = CollectionWorkbook.IndicatorsAt(protocol, wave);
        return Indicators.Count > 0;
    }

    /// <summary>The family's stored values at this wave, or null (error added) when the identifier is not enrolled.</summary>
    private async Task<Dictionary<string, double>?> FindExistingAsync()
    {
        if (string.IsNullOrWhiteSpace(Identifiant))
        {
            Errors.Add("identifiant", "Indiquez l’identifiant de la famille.");
            return null;
        }
        var pseudonym = pseudonymiser.Pseudonym(Cite.TerritoryCode!, Identifiant.Trim());
        var enrolment = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProtocolId == Cite.ProtocolId && e.Participant!.Pseudonym == pseudonym && e.Participant.TerritoryId == Cite.TerritoryId)
            .Select(e => (int?)e.Id).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (enrolment is null)
        {
            Errors.Add("identifiant", $"Aucune famille inscrite au protocole {Cite.ProtocolCode} n’a cet identifiant (il est sensible à la casse).");
            return null;
        }
        var waveId = await db.Waves.Where(w => w.ProtocolId == Cite.ProtocolId && w.Code == Wave.Code).Select(w => w.Id).SingleAsync(HttpContext.RequestAborted);
        return await db.Observations.AsNoTracking().Where(o => o.EnrolmentId == enrolment && o.WaveId == waveId)
            .Join(db.Indicators, o => o.IndicatorId, i => i.Id, (o, i) => new { i.Code, o.Value })
            .ToDictionaryAsync(o => o.Code, o => o.Value, HttpContext.RequestAborted);
    }
}
