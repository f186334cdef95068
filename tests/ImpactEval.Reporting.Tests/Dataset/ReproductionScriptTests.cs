using System.Globalization;
using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Reporting.Dataset;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Reporting.Tests.Dataset;

/// <summary>
/// reproduire.R on every estimator and option of the protocol language (the three-group fixture of the analysis tests,
/// 360 families in 12 schools with missing values): the exported dataset, ImpactEval's estimates and the script, run with
/// Rscript; every value it recomputes must agree (1e-8, 1e-6 for iterative fits).
/// </summary>
public class ReproductionScriptTests(ITestOutputHelper output)
{
    private const string Analyses = """
        analyses:
          - { code: A1, label: "ANCOVA", outcomes: [SCORE], wave: T2, baseline_wave: T1, estimator: ancova, covariates: [X1, X2] }
          - { code: A2, label: "CR1 Satterthwaite", outcomes: [SCORE], wave: T2, baseline_wave: T1, estimator: ancova, covariates: [X1, X2], variance: CR1, df: satterthwaite }
          - { code: A3, label: "HC1", outcomes: [SCORE], wave: T2, estimator: ancova, covariates: [X1, X2], variance: HC1 }
          - { code: A4, label: "CR2 G-1", outcomes: [SCORE, OUI], wave: T2, estimator: ancova, covariates: [X1], df: clusters_moins_un }
          - { code: A5, label: "Lin", outcomes: [SCORE], wave: T2, baseline_wave: T1, estimator: lin, covariates: [X1, X2] }
          - { code: A6, label: "DiD", outcomes: [SCORE], wave: T2, baseline_wave: T1, estimator: did, covariates: [X1] }
          - { code: A7, label: "Logit ordonné", outcomes: [NOTE], wave: T2, estimator: ordered_logit, covariates: [X1, X2], multiplicity: none }
          - { code: A8, label: "Logistique HC0", outcomes: [OUI], wave: T2, estimator: logistic, covariates: [X1, X2], variance: HC0, multiplicity: none }
          - { code: A9, label: "Pondération", outcomes: [SCORE], wave: T2, baseline_wave: T1, baseline: outcome, estimator: weighting, covariates: [X1, X2] }
          - { code: A10, label: "Wilcoxon", outcomes: [NOTE], wave: T2, estimator: wilcoxon }
          - { code: A11, label: "Brunner-Munzel", outcomes: [NOTE], wave: T2, estimator: brunner_munzel }
          - { code: A12, label: "Différence de proportions", outcomes: [OUI], wave: T2, estimator: risk_difference }
          - { code: A13, label: "Rapport de proportions", outcomes: [OUI], wave: T2, estimator: risk_ratio }
          - { code: A14, label: "Welch", outcomes: [SCORE], wave: T2, estimator: difference_in_means }
          - { code: A15, label: "Bootstrap", outcomes: [SCORE], wave: T2, estimator: cluster_bootstrap, covariates: [X1], bootstrap: { replications: 199 } }
          - { code: A16, label: "Par comparaison", outcomes: [SCORE, OUI], wave: T2, estimator: ancova, covariates: [X1, X2], model: pairwise }
        families:
          - { code: F, analyses: [A2, A3], multiplicity: bh }
        """;

    [RscriptFact]
    public async Task Reproduire_EveryEstimatorAndOption_EqualsR()
    {
        var protocol = Protocol();
        var rows = Rows();
        var frame = DatasetFrame.Assemble(protocol, rows);
        var results = ProtocolAnalysis.Run(protocol, frame.ToAnalysisDataset());
        Assert.All(results.Analyses.SelectMany(a => a.Contrasts), c => Assert.True(c.Effect is { IsEstimable: true }, $"{c.Indicator} {c.FailureReason}"));
        var directory = Demo.TempDirectory("reproduire");
        await File.WriteAllTextAsync(Path.Combine(directory, "donnees.csv"), DatasetFiles.Csv(frame));
        await File.WriteAllTextAsync(Path.Combine(directory, ReproductionScript.EstimatesFileName), TidyResults.From(results).ToCsv());
        var script = Path.Combine(directory, ReproductionScript.FileName);
        await File.WriteAllTextAsync(script, ReproductionScript.Write(frame, "tests", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero)));

        var (exitCode, text) = await Rscript.RunAsync(script, directory);
        output.WriteLine(text[Math.Max(0, text.Length - 1500)..]);

        Assert.True(exitCode == 0, text);
        var effects = results.Analyses.Sum(a => a.Contrasts.Length);
        Assert.Contains($"({effects} estimations)", text);
        Assert.DoesNotContain("! A", text); // no analysis block failed
    }

    private static Core.Model.Protocol Protocol()
    {
        var text = $$"""
            id: trois-groupes
            title: "Trois groupes dans douze écoles"
            territory: CE-999-05
            indicators:
              - { code: SCORE, label: "Score", level: impact, type: continuous, waves: [T1, T2] }
              - code: NOTE
                label: "Note"
                level: impact
                type: ordinal
                levels: [{ value: 1, label: "1" }, { value: 2, label: "2" }, { value: 3, label: "3" }, { value: 4, label: "4" }]
                waves: [T2]
              - { code: OUI, label: "Oui", level: resultat, type: binary, waves: [T2] }
            groups:
              - { code: BEN, label: "Bénéficiaires", role: focal }
              - { code: EAJE, label: "Accueil", role: comparison }
              - { code: LOIN, label: "Éloignés", role: comparison }
            waves:
              - { code: T1, label: "Début", date: 2025-10-01 }
              - { code: T2, label: "Fin", date: 2026-06-12 }
            covariates:
              - { code: X1, label: "Âge", type: continuous }
              - { code: X2, label: "Premier enfant", type: binary }
            cluster: { code: ecole, label: "École" }
            {{Analyses}}
            """;
        var loaded = ProtocolLoader.Load(text, "trois-groupes.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Protocol!;
    }

    private static DatasetRows Rows()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "joint_models.json"));
        var data = JsonDocument.Parse(stream).RootElement.GetProperty("data").EnumerateArray().ToList();
        double Value(JsonElement row, string name) => row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        var ids = Enumerable.Range(1, data.Count).ToArray();
        var baseline = new List<(int, string, double)>();
        var observed = new List<(int, string, string, double)>();
        for (var i = 0; i < data.Count; i++)
        {
            foreach (var (column, code) in new[] { ("x1", "X1"), ("x2", "X2") })
                if (!double.IsNaN(Value(data[i], column))) baseline.Add((ids[i], code, Value(data[i], column)));
            foreach (var (column, key, wave) in new[] { ("y0", "SCORE@T1", "T1"), ("y", "SCORE@T2", "T2"), ("note", "NOTE@T2", "T2"), ("oui", "OUI@T2", "T2") })
                if (!double.IsNaN(Value(data[i], column))) observed.Add((ids[i], key, wave, Value(data[i], column)));
        }
        return new DatasetRows(1, GroupAssignment.IntentionToTreat, ids, [.. ids.Select(i => $"P{i.ToString("000", CultureInfo.InvariantCulture)}")],
            [.. data.Select(r => r.GetProperty("g").GetString()!)], [.. data.Select(r => r.GetProperty("cl").GetString())], [.. data.Select(_ => "active")],
            [.. baseline.Select(b => b.Item1)], [.. baseline.Select(b => b.Item2)], [.. baseline.Select(b => b.Item3)],
            [.. observed.Select(o => o.Item1)], [.. observed.Select(o => o.Item2)], [.. observed.Select(o => o.Item3)], [.. observed.Select(o => o.Item4)],
            [.. observed.Select(_ => (DateOnly?)null)]);
    }
}
