using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.National;
using ImpactEval.Statistics;

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

    /// <summary>The sample protocol with two groups, two waves, three indicators, covariates, a cluster and two analyses.</summary>
    public static Protocol FullProtocol { get; } = Load(FullYaml, "exemple.yaml");

    /// <summary>The smallest valid protocol: one group, one wave, one indicator, no analysis.</summary>
    public static Protocol MinimalProtocol { get; } = Load(MinimalYaml, "minimal.yaml");

    /// <summary>A complete report model (every optional section present).</summary>
    public static ReportModel Full()
    {
        var values = new Dictionary<(string, string, string), double[]>();
        var sizes = new Dictionary<string, int> { ["BEN"] = 48, ["COMP"] = 41 };
        foreach (var (group, n) in sizes)
        {
            var shift = group == "BEN" ? 0.4 : 0.0;
            foreach (var wave in new[] { "T1", "T2" })
            {
                var waveShift = wave == "T2" ? 0.3 : 0.0;
                values[("ORD", wave, group)] = Series(n, $"ORD{wave}{group}", v => Math.Clamp(Math.Round(2.4 + shift + waveShift + 1.1 * v), 1, 4), missingEvery: 9);
                values[("TAUX", wave, group)] = Series(n, $"TAUX{wave}{group}", v => Math.Clamp(86 + 4 * shift + 6 * v, 0, 100), missingEvery: 11);
                if (wave == "T2") values[("OUI", wave, group)] = Series(n, $"OUI{wave}{group}", v => v + shift > 0.2 ? 1 : 0, missingEvery: 13);
            }
        }
        var results = Results(FullProtocol, sizes, values, new Dictionary<string, int> { ["BEN"] = 3, ["COMP"] = 6 });
        var supplements = new ReportSupplements(
            Balance:
            [
                new BalanceInput("AGE", "COMP", 48, 41, 36.2, 35.8, 0.08, 0.02, EquivalenceBand.RequiresStatisticalAdjustment),
                new BalanceInput("PREMIER", "COMP", 48, 41, 0.42, 0.39, 0.04, 0.01, EquivalenceBand.Satisfied),
            ],
            Attrition: [new AttritionInput("T2", "COMP", 48, results.Flow.Groups[0].Waves[1].Observed, 41, results.Flow.Groups[1].Waves[1].Observed, 0.12, 3.4, false, true)],
            Weighting: [new WeightingInput("BEN", 48, 48, 1, 0), new WeightingInput("COMP", 41, 30.5, 3.2, 0.61)],
            Power: [new PowerInput("TAUX", "COMP", 48, 41, 0.6, 3.9, 0.8, 0.05)]);
        var facts = new TerritoryProfile([("Commune", "Valbrune (fictive)"), ("Population en QPV", "12 345"), ("Année de labellisation", "2022")]);
        return ReportModelBuilder.Build(FullProtocol, results, new ReportGeneration(SampleTimestamp, ReportGeneration.CurrentVersion, 1, new string('a', 64)),
            new ReportOptions(Disclosure.DisclosureControl.DefaultThreshold, facts, supplements));
    }

    /// <summary>A report model with every optional section absent and every list empty.</summary>
    public static ReportModel Minimal()
    {
        var results = new AnalysisResults(MinimalProtocol.Id, 1, new string('0', 64), 0,
            new SampleFlow([new GroupFlow("SEUL", "Seul groupe", 0, 0, [new WaveCount("T1", 0, 0)])]),
            [new IndicatorDescriptives("IND", "T1", [new GroupDescriptives("SEUL", 0, 0, null, null, "Aucune valeur.")])],
            [], []);
        return ReportModelBuilder.Build(MinimalProtocol, results, new ReportGeneration(SampleTimestamp, ReportGeneration.CurrentVersion, 1, new string('0', 64)));
    }

    /// <summary>A national synthesis with single- and multiple-choice questions and a small count.</summary>
    public static NationalSynthesisModel National() => NationalSynthesisBuilder.Build(NationalCampaign(), SampleTimestamp);

    /// <summary>The hand-made campaign behind <see cref="National"/>.</summary>
    public static NationalCampaignResults NationalCampaign() => new("revue-exemple", "Revue de projet (exemple)",
    [
        new NationalQuestion("Q1", "Coopération", "Stade de maturité de la coopération", false, 40, 2,
            [new AnswerCount("Stade 1 : communication et entraide", 10), new AnswerCount("Stade 2 : coordination", 25), new AnswerCount("Stade 3 : coopération et intégration", 3)]),
        new NationalQuestion("Q2", "Partenaires", "Partenaires associés", true, 40, 0,
            [new AnswerCount("CAF", 36), new AnswerCount("ARS", 12), new AnswerCount("Missions locales", 20)]),
        new NationalQuestion("Q3", "Contrat de ville", "Articulation renforcée avec le nouveau contrat de ville", false, 40, 4,
            [new AnswerCount("oui", 30), new AnswerCount("non", 6)]),
    ],
    [
        new TerritoryParticipation("CE-001", "Cité éducative A", "Hauts-de-France", 2019, true, new DateOnly(2024, 4, 3)),
        new TerritoryParticipation("CE-002", "Cité éducative B", "Occitanie", 2022, false, null),
    ]);

    /// <summary>
    /// Analysis results computed from per-participant values (NaN = missing) with the real estimators: flow,
    /// descriptives, Welch contrasts (odds ratios for ordered-logit analyses, derived for the sample only), Holm.
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="enrolled">Participants per group.</param>
    /// <param name="values">Values per (indicator, wave, group), one per participant.</param>
    /// <param name="withdrawn">Withdrawn participants per group.</param>
    public static AnalysisResults Results(Protocol protocol, IReadOnlyDictionary<string, int> enrolled,
        IReadOnlyDictionary<(string Indicator, string Wave, string Group), double[]> values, IReadOnlyDictionary<string, int>? withdrawn = null)
    {
        double[] Column(string indicator, string wave, string group) =>
            values.TryGetValue((indicator, wave, group), out var v) ? v : Enumerable.Repeat(double.NaN, enrolled.GetValueOrDefault(group)).ToArray();
        var flow = new SampleFlow([.. protocol.Groups.Select(g =>
        {
            var n = enrolled.GetValueOrDefault(g.Code);
            var waves = protocol.Waves.Where(w => protocol.Indicators.Any(i => i.WaveCodes.Contains(w.Code))).Select(w =>
            {
                var columns = protocol.Indicators.Where(i => i.WaveCodes.Contains(w.Code)).Select(i => Column(i.Code, w.Code, g.Code)).ToList();
                var observed = Enumerable.Range(0, n).Count(r => columns.Any(c => r < c.Length && !double.IsNaN(c[r])));
                return new WaveCount(w.Code, observed, w.Schedule.FixedDate is null ? 0 : observed / 20);
            }).ToImmutableArray();
            return new GroupFlow(g.Code, g.Label, n, withdrawn?.GetValueOrDefault(g.Code) ?? 0, waves);
        })]);
        var descriptives = new List<IndicatorDescriptives>();
        foreach (var indicator in protocol.Indicators)
        foreach (var wave in indicator.WaveCodes)
        {
            var groups = protocol.Groups.Select(g =>
            {
                var sample = new GroupSample(g.Code, Column(indicator.Code, wave, g.Code));
                var n = sample.Count - sample.MissingCount;
                if (n == 0) return new GroupDescriptives(g.Code, 0, sample.MissingCount, null, null, "Aucune valeur.");
                var levels = indicator.Scale.IsLabelled
                    ? Descriptives.Levels(sample, [.. indicator.Scale.EffectiveLevels.Select(l => new Statistics.ScaleLevel(l.Value, l.Label))])
                    : null;
                return new GroupDescriptives(g.Code, n, sample.MissingCount, Descriptives.Summarize(sample), levels, null);
            }).ToImmutableArray();
            descriptives.Add(new IndicatorDescriptives(indicator.Code, wave, groups));
        }
        var analyses = new List<AnalysisResult>();
        foreach (var spec in protocol.Analyses)
        {
            var estimates = new List<ContrastEstimate>();
            foreach (var contrast in spec.Contrasts)
            {
                var family = new List<ContrastEstimate>();
                foreach (var code in spec.OutcomeCodes)
                {
                    var focal = new GroupSample(contrast.FocalCode, Column(code, spec.WaveCode, contrast.FocalCode));
                    var comparison = new GroupSample(contrast.ComparisonCode, Column(code, spec.WaveCode, contrast.ComparisonCode));
                    var (fn, cn) = (focal.Count - focal.MissingCount, comparison.Count - comparison.MissingCount);
                    var (fm, cm) = (Mean(focal), Mean(comparison));
                    try
                    {
                        var d = MeanContrasts.Welch(focal, comparison, spec.ConfidenceLevel).Difference;
                        if (spec.Estimator == Estimator.OrderedLogit)
                        {
                            // Sample only: an odds ratio on the scale a proportional-odds model would report.
                            d = d with { Term = "groupe", Value = Math.Exp(1.7 * d.Value), Interval = new ConfidenceInterval(Math.Exp(1.7 * d.Interval.Lower), Math.Exp(1.7 * d.Interval.Upper), d.Interval.Level) };
                            family.Add(new ContrastEstimate(code, contrast.FocalCode, contrast.ComparisonCode, fn, cn, fm, cm, EffectScale.OddsRatio, d, null, null));
                        }
                        else
                        {
                            family.Add(new ContrastEstimate(code, contrast.FocalCode, contrast.ComparisonCode, fn, cn, fm, cm, EffectScale.Difference, d, null, null));
                        }
                    }
                    catch (StatisticsException e)
                    {
                        family.Add(new ContrastEstimate(code, contrast.FocalCode, contrast.ComparisonCode, fn, cn, fm, cm, EffectScale.Difference, null, null, e.Message));
                    }
                }
                if (spec.Multiplicity != Multiplicity.None && family.Count > 1)
                {
                    var adjusted = MultipleTesting.Holm([.. family.Select(e => e.Effect?.PValue ?? double.NaN)]);
                    family = [.. family.Select((e, i) => e.Effect is null ? e : e with { Adjusted = adjusted[i] })];
                }
                estimates.AddRange(family);
            }
            analyses.Add(new AnalysisResult(spec.Code, spec.Label, spec.Estimator, "Différence de moyennes, erreur-type de Welch (exemple)", spec.WaveCode,
                spec.ConfidenceLevel, spec.Multiplicity, [.. estimates]));
        }
        return new AnalysisResults(protocol.Id, 1, new string('f', 64), enrolled.Values.Sum(), flow, [.. descriptives], [.. analyses],
            ["Les groupes n'ont pas été constitués par tirage au sort : les écarts estimés sont des associations ajustées sur les caractéristiques mesurées, pas des preuves de causalité."]);
    }

    private static double Mean(GroupSample sample)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in sample.Values.Span) if (!double.IsNaN(v)) { sum += v; n++; }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>Deterministic pseudo-random values: <paramref name="map"/> of a uniform draw in [−1, 1]; every k-th missing.</summary>
    private static double[] Series(int n, string seed, Func<double, double> map, int missingEvery)
    {
        ulong state = 14695981039346656037UL;
        foreach (var c in seed) state = (state ^ c) * 1099511628211UL;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var u = (state >> 11) * (1.0 / (1UL << 53)) * 2 - 1;
            result[i] = (i + 1) % missingEvery == 0 ? double.NaN : map(u);
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
          - { code: BEN, label: "Familles bénéficiaires", role: focal, membership: "Inscrites" }
          - { code: COMP, label: "Familles non bénéficiaires", role: comparison }
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
          units: [{ code: E1, label: "École A" }, { code: E2, label: "École B" }]
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
