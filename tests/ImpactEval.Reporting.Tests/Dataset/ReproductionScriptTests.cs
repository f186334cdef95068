using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
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
        var protocol = ThreeGroupCohort.Protocol(Analyses);
        var rows = ThreeGroupCohort.Rows();
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

}
