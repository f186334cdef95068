using ImpactEval.Collection;
using System.Collections.Immutable;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Statistics;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// A protocol's page: its référentiel as a matrix (questions → criteria → indicators → sources → waves), the
/// validation messages of its registered text, and a calculator of minimum detectable effects
/// (<see cref="DesignSensitivity.Planned"/>, the power code of ImpactEval.Statistics) with sizes and assumptions the
/// user may change.
/// </summary>
[Authorize(Policy = WebPolicies.SeeProtocols)]
public sealed class ProtocoleModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>One line of the matrix; a span of 0 means the cell is covered by the row above.</summary>
    public sealed record MatrixRow(string Question, int QuestionSpan, string Criterion, int CriterionSpan, Indicator? Indicator, string Scale);

    /// <summary>The protocol (current version).</summary>
    public Protocol Protocol { get; private set; } = null!;

    /// <summary>Its version number.</summary>
    public int Version { get; private set; }

    /// <summary>When it was registered (local time).</summary>
    public string RegisteredAt { get; private set; } = "";

    /// <summary>Who registered it.</summary>
    public string RegisteredBy { get; private set; } = "";

    /// <summary>The file it was registered from.</summary>
    public string SourceFile { get; private set; } = "";

    /// <summary>The validation messages of the registered text (warnings: a registered protocol has no error).</summary>
    public IReadOnlyList<ProtocolProblem> Problems { get; private set; } = [];

    /// <summary>The référentiel's rows.</summary>
    public IReadOnlyList<MatrixRow> Matrix { get; private set; } = [];

    /// <summary>Group sizes typed, by group code.</summary>
    [BindProperty(SupportsGet = true)] public Dictionary<string, string> Effectifs { get; set; } = [];

    /// <summary>ICC typed.</summary>
    [BindProperty(SupportsGet = true)] public string? Icc { get; set; }

    /// <summary>R² typed.</summary>
    [BindProperty(SupportsGet = true)] public string? R2 { get; set; }

    /// <summary>Power typed.</summary>
    [BindProperty(SupportsGet = true)] public string? Puissance { get; set; }

    /// <summary>The minimum detectable effects computed.</summary>
    public IReadOnlyList<DetectableEffect> Detectable { get; private set; } = [];

    /// <summary>How the effects are computed, in French.</summary>
    public string MethodNote { get; private set; } = "";

    /// <summary>The size shown for a group.</summary>
    public string SizeText(string group) => Effectifs.GetValueOrDefault(group) ?? Protocol.FindGroup(group)?.PlannedSize?.ToString(FrenchNumber.Culture) ?? "";

    /// <summary>Reads the protocol and computes the calculator.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var stored = await db.Protocols.AsNoTracking().SingleAsync(p => p.Id == Cite.ProtocolId, cancel);
        var version = await db.ProtocolVersions.AsNoTracking().SingleAsync(v => v.ProtocolId == stored.Id && v.Number == stored.CurrentVersion, cancel);
        var loaded = ProtocolLoader.Load(version.SourceText, version.SourceFile);
        if (loaded.Protocol is null) return StatusCode(500);
        Protocol = loaded.Protocol;
        Version = version.Number;
        RegisteredAt = clock.Format(version.RegisteredAt);
        RegisteredBy = version.RegisteredBy;
        SourceFile = Path.GetFileName(version.SourceFile);
        Problems = loaded.Problems;
        Matrix = BuildMatrix(Protocol);
        Calculate();
        return Page();
    }

    private void Calculate()
    {
        Icc ??= Protocol.Design.Icc is { } icc ? FrenchNumber.Plain(icc) : "";
        R2 ??= FrenchNumber.Plain(Protocol.Design.CovariateRSquared);
        Puissance ??= FrenchNumber.Plain(Protocol.Design.Power);
        var groups = Protocol.Groups.Select(g =>
        {
            var id = "effectif-" + g.Code.ToLowerInvariant();
            var text = SizeText(g.Code).Trim();
            if (text.Length == 0) return g with { PlannedSize = null };
            if (int.TryParse(text, System.Globalization.NumberStyles.None, FrenchNumber.Culture, out var size) && size >= 2 && size <= 1_000_000) return g with { PlannedSize = size };
            Errors.Add(id, $"L’effectif du groupe « {g.Label} » doit être un nombre entier d’au moins 2 (par exemple 150), pas « {text} ».");
            return g;
        }).ToImmutableArray();
        var iccValue = Read("icc", Icc, "La corrélation intra-classe", 0, 0.99, allowEmpty: true);
        var r2Value = Read("r2", R2, "Le R² des covariables", 0, 0.95, allowEmpty: false);
        var powerValue = Read("puissance", Puissance, "La puissance", 0.5, 0.99, allowEmpty: false);
        if (Errors.Any) return;
        var design = new DesignAssumptions(iccValue, r2Value ?? 0, powerValue ?? 0.8, Protocol.Design.Alpha);
        try
        {
            Detectable = DesignSensitivity.Planned(Protocol with { Design = design, Groups = groups });
        }
        catch (StatisticsException e)
        {
            Errors.Add("icc", e.Message);
            return;
        }
        MethodNote = design.Icc is { } i && (Protocol.Cluster?.Units.Length ?? 0) >= 3
            ? $"affectation individuelle par bloc (école), corrélation intra-classe {FrenchNumber.Format(i, 2)}, risque {FrenchNumber.Format(100 * design.Alpha, 0)}\u202F% bilatéral (PowerUpR, mdes.bira2f1)."
            : $"deux groupes indépendants, risque {FrenchNumber.Format(100 * design.Alpha, 0)}\u202F% bilatéral, t non central exact (pwr.t2n.test), regroupement par école ignoré.";
    }

    private double? Read(string field, string? text, string what, double min, double max, bool allowEmpty)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            if (!allowEmpty) Errors.Add(field, $"{what} est obligatoire.");
            return null;
        }
        if (FrenchNumber.TryParse(text, out var value) && value >= min && value <= max) return value;
        Errors.Add(field, $"{what} doit être un nombre entre {FrenchNumber.Plain(min)} et {FrenchNumber.Plain(max)} (virgule décimale), pas « {text} ».");
        return null;
    }

    private static List<MatrixRow> BuildMatrix(Protocol protocol)
    {
        var rows = new List<MatrixRow>();
        foreach (var question in protocol.Questions)
        {
            var criteria = question.Criteria.IsDefaultOrEmpty ? [new JudgementCriterion("", "—", [])] : question.Criteria;
            var questionRows = criteria.Sum(c => Math.Max(1, c.IndicatorCodes.Length));
            var firstOfQuestion = true;
            foreach (var criterion in criteria)
            {
                var indicators = criterion.IndicatorCodes.Select(protocol.FindIndicator).ToList();
                if (indicators.Count == 0) indicators.Add(null);
                for (var i = 0; i < indicators.Count; i++)
                {
                    rows.Add(new MatrixRow(question.Text, firstOfQuestion ? questionRows : 0, criterion.Text, i == 0 ? indicators.Count : 0, indicators[i],
                        indicators[i] is { } indicator ? ScaleText(indicator.Scale) : "—"));
                    firstOfQuestion = false;
                }
            }
        }
        return rows;
    }

    private static string ScaleText(Scale scale) => scale.IsLabelled
        ? string.Join(" ; ", scale.EffectiveLevels.Select(l => $"{FrenchNumber.Plain(l.Value)} = {l.Label}"))
        : (scale.Minimum, scale.Maximum) switch
        {
            ({ } min, { } max) => $"de {FrenchNumber.Plain(min)} à {FrenchNumber.Plain(max)}{(scale.Unit is { } u ? (u == "%" ? "\u202F%" : " " + u) : "")}",
            _ => scale.Unit is { } unit ? $"nombre ({unit})" : "nombre",
        };
}
