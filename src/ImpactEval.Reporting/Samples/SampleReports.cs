using System.Collections.Immutable;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.National;

namespace ImpactEval.Reporting.Samples;

/// <summary>
/// Small, fully synthetic report models that exercise every field a template can use: <see cref="Full"/> has every
/// optional section present and every list filled; <see cref="Minimal"/> has every optional section absent and every
/// list empty. <see cref="Templates.TemplateChecker"/> renders a template on both, so that a field used outside an
/// <c>{{#if}}</c> guard, or misspelt in a branch the real data would not reach, is still caught.
/// </summary>
public static class SampleReports
{
    /// <summary>The fixed timestamp of the samples.</summary>
    public static DateTimeOffset SampleTimestamp { get; } = new(2026, 11, 22, 14, 5, 0, TimeSpan.FromHours(1));

    /// <summary>The sample protocol with two groups (planned sizes), two waves, three indicators, covariates, a cluster and three analyses (ANCOVA, ordered logit, weighting).</summary>
    public static Protocol FullProtocol { get; } = Load(FullYaml, "exemple.yaml");

    /// <summary>The smallest valid protocol: one group, one wave, one indicator, no analysis.</summary>
    public static Protocol MinimalProtocol { get; } = Load(MinimalYaml, "minimal.yaml");

    /// <summary>A complete report model (every optional section present).</summary>
    public static ReportModel Full()
    {
        var values = new Dictionary<(string, string, string), double[]>();
        var covariates = new Dictionary<(string, string), double[]>();
        var sizes = new Dictionary<string, int> { ["BEN"] = 48, ["COMP"] = 41 };
        foreach (var (group, n) in sizes)
        {
            var shift = group == "BEN" ? 0.4 : 0.0;
            covariates[("AGE", group)] = Series(n, $"AGE{group}", v => Math.Round(36 + 4 * v + (group == "BEN" ? 0.5 : 0)), missingEvery: 0);
            covariates[("PREMIER", group)] = Series(n, $"PREMIER{group}", v => v + (group == "BEN" ? 0.1 : 0) > 0.1 ? 1 : 0, missingEvery: 0);
            foreach (var wave in new[] { "T1", "T2" })
            {
                var waveShift = wave == "T2" ? 0.3 : 0.0;
                values[("ORD", wave, group)] = Series(n, $"ORD{wave}{group}", v => Math.Clamp(Math.Round(2.3 + shift + waveShift + 1.6 * v), 1, 4), missingEvery: 9);
                values[("TAUX", wave, group)] = Series(n, $"TAUX{wave}{group}", v => Math.Clamp(86 + 4 * shift + 6 * v, 0, 100), missingEvery: 11);
                if (wave == "T2") values[("OUI", wave, group)] = Series(n, $"OUI{wave}{group}", v => v + shift > 0.2 ? 1 : 0, missingEvery: 13);
            }
        }
        var results = Results(FullProtocol, sizes, values, new Dictionary<string, int> { ["BEN"] = 3, ["COMP"] = 6 }, covariates);
        var facts = new TerritoryProfile([("Commune", "Valbrune (fictive)"), ("Population en QPV", "12 345"), ("Année de labellisation", "2022")]);
        return ReportModelBuilder.Build(FullProtocol, results, new ReportGeneration(SampleTimestamp, ReportGeneration.CurrentVersion, 1, new string('a', 64)),
            new ReportOptions(Disclosure.DisclosureControl.DefaultThreshold, facts));
    }

    /// <summary>A report model with every optional section absent and every list empty.</summary>
    public static ReportModel Minimal()
    {
        var results = new AnalysisResults(MinimalProtocol.Id, 1, new string('0', 64), 0,
            new SampleFlow([new GroupFlow("SEUL", "Seul groupe", 0, 0, [new WaveCount("T1", 0, 0)])]),
            [new IndicatorDescriptives("IND", "T1", [new GroupDescriptives("SEUL", 0, 0, null, null, "Aucune valeur.")])],
            [], [], [], [], []);
        return ReportModelBuilder.Build(MinimalProtocol, results, new ReportGeneration(SampleTimestamp, ReportGeneration.CurrentVersion, 1, new string('0', 64)));
    }

    /// <summary>A national synthesis with single- and multiple-choice questions and a small count.</summary>
    public static NationalSynthesisModel National() => NationalSynthesisBuilder.Build(NationalCampaign(), SampleTimestamp);

    /// <summary>
    /// The hand-made campaign behind <see cref="National"/>: 45 cités asked, 40 took part; single-choice, multiple-choice
    /// and numeric questions, item non-response, and a small count (3) that must be hidden. Every figure agrees.
    /// </summary>
    public static NationalCampaignResults NationalCampaign() => new("revue-exemple", "Revue de projet (exemple)",
    [
        new NationalQuestion("Q1", "Coopération", "Stade de maturité de la coopération", false, 45, 7,
            [new AnswerCount("Stade 1 : communication et entraide", 10), new AnswerCount("Stade 2 : coordination", 25), new AnswerCount("Stade 3 : coopération et intégration", 3)]),
        new NationalQuestion("Q2", "Partenaires", "Partenaires associés", true, 45, 5,
            [new AnswerCount("CAF", 36), new AnswerCount("ARS", 12), new AnswerCount("Missions locales", 20)]),
        new NationalQuestion("Q3", "Contrat de ville", "Articulation renforcée avec le nouveau contrat de ville", false, 45, 9,
            [new AnswerCount("oui", 30), new AnswerCount("non", 6)]),
        new NationalQuestion("Q4", "Formation", "Nombre de formations interprofessionnelles", false, 45, 8, [],
            new NumericSummary(37, 74, 2, 2, 0, 6, "formations", true)),
    ],
    [
        new TerritoryParticipation("CE-001", "Cité éducative A", "Hauts-de-France", 2019, true, new DateOnly(2024, 4, 3)),
        new TerritoryParticipation("CE-002", "Cité éducative B", "Occitanie", 2022, false, null),
        .. Enumerable.Range(3, 43).Select(i => new TerritoryParticipation($"CE-{i:000}", $"Cité éducative {i}", i % 2 == 0 ? "Occitanie" : "Hauts-de-France", 2021, i <= 41,
            i <= 41 ? new DateOnly(2024, 4, 1).AddDays(i % 20) : null)),
    ], "2023-2024");

    /// <summary>
    /// Analysis results of hand-made data, computed by <see cref="ProtocolAnalysis.Run"/> exactly as for a stored cohort:
    /// row r of group g holds value r of each (indicator, wave, group) series; NaN is a missing value.
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="enrolled">Participants per group.</param>
    /// <param name="values">Values per (indicator, wave, group), one per participant.</param>
    /// <param name="withdrawn">Withdrawn participants per group (the first ones of the group).</param>
    /// <param name="covariates">Baseline values per (covariate, group), one per participant; missing when absent.</param>
    /// <remarks>
    /// Participants are spread over the cluster units in turn. At a wave with a fixed date, one observed participant in
    /// 20 is collected after the window closes.
    /// </remarks>
    public static AnalysisResults Results(Protocol protocol, IReadOnlyDictionary<string, int> enrolled,
        IReadOnlyDictionary<(string Indicator, string Wave, string Group), double[]> values, IReadOnlyDictionary<string, int>? withdrawn = null,
        IReadOnlyDictionary<(string Covariate, string Group), double[]>? covariates = null)
    {
        var groups = new List<string>();
        var rowInGroup = new List<int>();
        foreach (var g in protocol.Groups)
            for (var r = 0; r < enrolled.GetValueOrDefault(g.Code); r++)
            {
                groups.Add(g.Code);
                rowInGroup.Add(r);
            }
        double Value(IReadOnlyDictionary<(string, string, string), double[]> source, string indicator, string wave, int i) =>
            source.TryGetValue((indicator, wave, groups[i]), out var v) && rowInGroup[i] < v.Length ? v[rowInGroup[i]] : double.NaN;
        var outcomes = ImmutableDictionary.CreateBuilder<string, ImmutableArray<double>>();
        foreach (var indicator in protocol.Indicators)
        foreach (var wave in indicator.WaveCodes)
            outcomes[AnalysisDataset.Key(indicator.Code, wave)] = [.. Enumerable.Range(0, groups.Count).Select(i => Value(values, indicator.Code, wave, i))];
        var baseline = protocol.Covariates.ToImmutableDictionary(c => c.Code, c => Enumerable.Range(0, groups.Count)
            .Select(i => covariates is not null && covariates.TryGetValue((c.Code, groups[i]), out var v) && rowInGroup[i] < v.Length ? v[rowInGroup[i]] : double.NaN)
            .ToImmutableArray());
        var units = protocol.Cluster?.Units.Select(u => u.Code).ToList() ?? [];
        var dates = ImmutableDictionary.CreateBuilder<string, ImmutableArray<DateOnly?>>();
        foreach (var wave in protocol.Waves)
        {
            var late = 0;
            dates[wave.Code] = [.. Enumerable.Range(0, groups.Count).Select(i =>
            {
                var seen = protocol.Indicators.Any(ind => ind.WaveCodes.Contains(wave.Code) && !double.IsNaN(Value(values, ind.Code, wave.Code, i)));
                if (!seen || wave.Schedule.FixedDate is not { } date) return (DateOnly?)null;
                return ++late % 20 == 0 ? date.AddDays(wave.Schedule.DaysAfter + 7) : date;
            })];
        }
        var dataset = new AnalysisDataset(protocol.Id, 1, [.. groups],
            [.. Enumerable.Range(0, groups.Count).Select(i => units.Count == 0 ? null : units[rowInGroup[i] % units.Count])],
            [.. Enumerable.Range(0, groups.Count).Select(i => rowInGroup[i] < (withdrawn?.GetValueOrDefault(groups[i]) ?? 0) ? "withdrawn" : "active")],
            baseline, outcomes.ToImmutable(), dates.ToImmutable(), new string('f', 64));
        return ProtocolAnalysis.Run(protocol, dataset);
    }

    /// <summary>Deterministic pseudo-random values: <paramref name="map"/> of a uniform draw in [−1, 1]; every k-th missing (none when k is 0).</summary>
    private static double[] Series(int n, string seed, Func<double, double> map, int missingEvery)
    {
        ulong state = 14695981039346656037UL;
        foreach (var c in seed) state = (state ^ c) * 1099511628211UL;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var u = (state >> 11) * (1.0 / (1UL << 53)) * 2 - 1;
            result[i] = missingEvery > 0 && (i + 1) % missingEvery == 0 ? double.NaN : map(u);
        }
        return result;
    }

    private static Protocol Load(string yaml, string file)
    {
        var loaded = ProtocolLoader.Load(yaml, file);
        return loaded.Protocol ?? throw new InvalidOperationException($"Sample protocol {file} is invalid: {string.Join("; ", loaded.Errors)}");
    }

    private const string FullYaml = """
        id: exemple
        title: "Protocole d'exemple pour la vérification des modèles"
        territory: { code: CE-000-00, name: "Cité éducative d'exemple" }
        version: "1.0"
        authors: ["Cheffe de projet opérationnelle"]
        dates: { written: 2025-03-14, start: 2025-04-01, end: 2026-07-03 }
        objectives: ["Préparer l'entrée à l'école"]
        public: { age_min: 2, age_max: 3, gender: mixed, setting: both, description: "Enfants et parents" }
        leverage: "Séances hebdomadaires"
        questions:
          - code: Q1
            text: "Le dispositif renforce-t-il la coopération ?"
            criteria:
              - { code: Q1.1, text: "Implication des parents", indicators: [ORD, OUI] }
              - { code: Q1.2, text: "Assiduité", indicators: [TAUX] }
        indicators:
          - code: ORD
            label: "Implication du parent"
            level: impact
            type: ordinal
            levels: [{ value: 1, label: "Pas du tout" }, { value: 2, label: "Peu" }, { value: 3, label: "Plutôt" }, { value: 4, label: "Très" }]
            direction: higher_is_better
            source: "Grille enseignant"
            respondent: enseignant
            waves: [T1, T2]
          - code: TAUX
            label: "Assiduité"
            level: resultat
            type: continuous
            unit: "%"
            range: { min: 0, max: 100 }
            direction: higher_is_better
            waves: [T1, T2]
          - code: OUI
            label: "Prévient des absences"
            level: resultat
            type: binary
            waves: [T2]
        groups:
          - { code: BEN, label: "Familles bénéficiaires", role: focal, membership: "Inscrites", planned_size: 60 }
          - { code: COMP, label: "Familles non bénéficiaires", role: comparison, planned_size: 60 }
        waves:
          - { code: T0, label: "Inscription", offset_days: 0, window: { before: 0, after: 30 } }
          - { code: T1, label: "Rentrée", date: 2025-10-10, window: { before: 14, after: 21 } }
          - { code: T2, label: "Fin d'année", date: 2026-06-12, window: { before: 14, after: 14 } }
        covariates:
          - { code: AGE, label: "Âge (mois)", type: continuous, unit: "mois", range: { min: 30, max: 48 } }
          - { code: PREMIER, label: "Premier enfant", type: binary }
        cluster:
          code: ecole
          label: "École"
          units: [{ code: E1, label: "École A" }, { code: E2, label: "École B" }, { code: E3, label: "École C" }, { code: E4, label: "École D" }]
        analyses:
          - code: A1
            label: "Fin d'année"
            outcomes: [ORD, TAUX, OUI]
            wave: T2
            estimator: ancova
            covariates: [AGE, PREMIER]
            multiplicity: holm
          - code: A2
            label: "Fin d'année : logit ordonné"
            outcomes: [ORD]
            wave: T2
            estimator: ordered_logit
            covariates: [AGE, PREMIER]
          - code: A3
            label: "Fin d'année : pondération"
            outcomes: [TAUX]
            wave: T2
            estimator: weighting
            covariates: [AGE, PREMIER]
        design: { icc: 0.05, covariate_r2: 0.2, power: 0.8, alpha: 0.05 }
        """;

    private const string MinimalYaml = """
        id: minimal
        title: "Protocole minimal"
        territory: CE-000-01
        indicators:
          - { code: IND, label: "Indicateur", level: resultat, type: continuous, waves: [T1] }
        groups:
          - { code: SEUL, label: "Seul groupe", role: focal }
        waves:
          - { code: T1, label: "Unique", date: 2025-10-10 }
        """;
}
