using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using Xunit;

namespace ImpactEval.Core.Tests.Loading;

/// <summary>The analysis options of the protocol language (model, variance, df, baseline, bootstrap, families) and their validation.</summary>
public class AnalysisOptionsTests
{
    /// <summary>Three cohorts in schools, an ordinal and a binary indicator, measured before and after; {0} is the analysis's extra lines, {1} the root's.</summary>
    private static string Protocol(string analysis, string root = "", bool cluster = true) => $"""
        id: options
        title: "Options"
        territory: CE-999-04
        indicators:
          - code: NOTE
            label: "Note"
            level: impact
            type: continuous
            waves: [T1, T2]
          - code: ASSIDU
            label: "Assidu"
            level: resultat
            type: binary
            waves: [T2]
        groups:
          - {"{"} code: BEN, label: "Bénéficiaires", role: focal {"}"}
          - {"{"} code: TEM, label: "Témoins", role: comparison {"}"}
          - {"{"} code: LOIN, label: "Éloignés", role: comparison {"}"}
        waves:
          - {"{"} code: T1, label: "Début", date: 2025-10-01 {"}"}
          - {"{"} code: T2, label: "Fin", date: 2026-06-12 {"}"}
        covariates:
          - {"{"} code: AGE, label: "Âge", type: continuous {"}"}
        {(cluster ? "cluster: { code: ecole, label: \"École\" }" : "")}
        analyses:
          - code: A1
            label: "Effet"
            outcomes: [NOTE]
            wave: T2
        {Indent(analysis)}
          - code: A2
            label: "Effet 2"
            outcomes: [NOTE]
            wave: T2
            estimator: ancova
            covariates: [AGE]
        {root}
        """;

    private static string Indent(string lines) => string.Join("\n", lines.Split('\n').Select(l => "    " + l));

    private static AnalysisSpec A1(ProtocolLoadResult result)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Protocol!.Analyses[0];
    }

    // Nothing said: ANCOVA in one model on the three groups, CR2 with Bell–McCaffrey df when the design is clustered,
    // HC2 with n − k otherwise — estimatr's defaults.
    [Theory]
    [InlineData(true, VarianceChoice.CR2, DegreesOfFreedomRule.BellMcCaffrey)]
    [InlineData(false, VarianceChoice.HC2, DegreesOfFreedomRule.Residual)]
    public void Load_AncovaWithoutOptions_JointWithEstimatrDefaults(bool cluster, VarianceChoice variance, DegreesOfFreedomRule df)
    {
        var spec = A1(ProtocolLoader.Load(Protocol("estimator: ancova\ncovariates: [AGE]", cluster: cluster), "p.yaml"));

        Assert.Equal(AnalysisModel.Joint, spec.Model);
        Assert.True(spec.IsJoint);
        Assert.Equal(variance, spec.Variance);
        Assert.Equal(df, spec.DegreesOfFreedom);
    }

    // Likelihood models keep today's inference: CR1 on t(G − 1) with schools, the model's own variance without.
    [Theory]
    [InlineData(true, VarianceChoice.CR1, DegreesOfFreedomRule.ClustersMinusOne)]
    [InlineData(false, VarianceChoice.Classical, null)]
    public void Load_LogisticWithoutOptions_CurrentDefaults(bool cluster, VarianceChoice variance, DegreesOfFreedomRule? df)
    {
        var text = Protocol("estimator: logistic", cluster: cluster).Replace("outcomes: [NOTE]\n    wave: T2\n    estimator: logistic", "outcomes: [ASSIDU]\n    wave: T2\n    estimator: logistic");
        var spec = A1(ProtocolLoader.Load(text, "p.yaml"));

        Assert.Equal(variance, spec.Variance);
        Assert.Equal(df, spec.DegreesOfFreedom);
    }

    [Fact]
    public void Load_EveryOption_Read()
    {
        var spec = A1(ProtocolLoader.Load(Protocol("estimator: ancova\nbaseline_wave: T1\nbaseline: outcome\nmodel: pairwise\nvariance: CR1\ndf: satterthwaite"), "p.yaml"));

        Assert.Equal(AnalysisModel.Pairwise, spec.Model);
        Assert.False(spec.IsJoint);
        Assert.Equal(VarianceChoice.CR1, spec.Variance);
        Assert.Equal(DegreesOfFreedomRule.Satterthwaite, spec.DegreesOfFreedom);
        Assert.True(spec.BaselineOutcome);
    }

    [Fact]
    public void Load_ClusterBootstrap_SettingsRead()
    {
        var spec = A1(ProtocolLoader.Load(Protocol("estimator: cluster_bootstrap\ncovariates: [AGE]\nbootstrap: { replications: 999, seed: 7 }"), "p.yaml"));

        Assert.Equal(Estimator.ClusterBootstrap, spec.Estimator);
        Assert.Equal(new BootstrapSettings(999, 7), spec.Bootstrap);
        Assert.Null(spec.Variance);
    }

    // Every combination an estimator cannot honour is refused at its own line, in French.
    [Theory]
    [InlineData("estimator: ancova\nvariance: CR1\ndf: bell_mccaffrey", "df", "ne vont pas avec la variance")]
    [InlineData("estimator: ancova\nvariance: HC2\ndf: satterthwaite", "df", "ne vont pas avec la variance")]
    [InlineData("estimator: ancova\nvariance: CR2\ndf: residuel", "df", "ne vont pas avec la variance")]
    [InlineData("estimator: wilcoxon\nmodel: joint", "model", "ne s’applique pas")]
    [InlineData("estimator: brunner_munzel\nvariance: HC2", "variance", "ne s’applique pas")]
    [InlineData("estimator: difference_in_means\ndf: residuel", "df", "ne s’applique pas")]
    [InlineData("estimator: wilcoxon\ncovariates: [AGE]", "covariates", "n’ajuste sur aucune covariable")]
    [InlineData("estimator: ancova\nbaseline: outcome", "baseline", "demande une vague de référence")]
    [InlineData("estimator: ancova\nbootstrap: { replications: 999 }", "bootstrap", "ne s’applique qu’à")]
    [InlineData("estimator: cluster_bootstrap\nbootstrap: { replications: 50 }", "replications", "entre 199 et 100")]
    [InlineData("estimator: ancova\ncovariates: [AGE, AGE]", "AGE, AGE", "colinéaires")]
    [InlineData("estimator: ordered_logit\nvariance: CR2", "variance", "n’est pas disponible")]
    [InlineData("estimator: logistic\ndf: satterthwaite", "df", "ne s’y choisit pas")]
    public void Load_UnsupportedCombination_RefusedAtItsLine(string options, string key, string message)
    {
        var text = Protocol(options);
        if (options.Contains("logit") || options.Contains("logistic")) text = text.Replace("outcomes: [NOTE]\n    wave: T2\n    estimator", "outcomes: [ASSIDU]\n    wave: T2\n    estimator");
        var result = ProtocolLoader.Load(text, "p.yaml");

        Assert.Null(result.Protocol);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message));
        var lines = text.Split('\n');
        var a1 = Array.FindIndex(lines, l => l.Contains("code: A1"));
        var line = Array.FindIndex(lines, a1, l => l.Contains(key + (key.Contains(',') ? "" : ":"))) + 1;
        Assert.Equal(line, error.At.Line);
        Assert.Contains("A1", error.Message);
    }

    [Fact]
    public void Load_ClusterRobustVarianceWithoutCluster_Refused()
    {
        var result = ProtocolLoader.Load(Protocol("estimator: ancova\nvariance: CR2", cluster: false), "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("ne déclare pas d’unité de regroupement"));
    }

    [Fact]
    public void Load_ClusterBootstrapWithoutCluster_Refused()
    {
        var result = ProtocolLoader.Load(Protocol("estimator: cluster_bootstrap", cluster: false), "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("sans unité de regroupement"));
    }

    // Ignoring a declared clustering unit is allowed but said.
    [Fact]
    public void Load_HeteroskedasticVarianceInClusteredDesign_Warning()
    {
        var result = ProtocolLoader.Load(Protocol("estimator: ancova\nvariance: HC1"), "p.yaml");
        Assert.True(result.IsValid);
        Assert.Contains(result.Problems, p => p.Severity == Severity.Warning && p.Message.Contains("ignore le regroupement"));
    }

    [Fact]
    public void Load_RiskRatioOnContinuousIndicator_Refused()
    {
        var result = ProtocolLoader.Load(Protocol("estimator: risk_ratio"), "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("demande un indicateur binaire"));
    }

    [Fact]
    public void Load_BaselineOutcomeNotCollectedAtBaseline_Refused()
    {
        var text = Protocol("estimator: weighting\nbaseline_wave: T1\nbaseline: outcome").Replace("outcomes: [NOTE]\n    wave: T2\n    estimator: weighting", "outcomes: [ASSIDU]\n    wave: T2\n    estimator: weighting");
        var result = ProtocolLoader.Load(text, "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("où il n’est pas collecté"));
    }

    // A family spans A1 and A2: both are marked, the family keeps its correction.
    [Fact]
    public void Load_Family_MarksItsAnalyses()
    {
        var result = ProtocolLoader.Load(Protocol("estimator: ancova", "families:\n  - { code: F1, label: \"Tout\", analyses: [A1, A2], multiplicity: bh }"), "p.yaml");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var family = Assert.Single(result.Protocol!.Families);
        Assert.Equal(["A1", "A2"], family.AnalysisCodes.ToArray());
        Assert.Equal(Multiplicity.BenjaminiHochberg, family.Multiplicity);
        Assert.All(result.Protocol.Analyses, a => Assert.Equal("F1", a.FamilyCode));
    }

    [Theory]
    [InlineData("families:\n  - { code: F1, analyses: [A1, A3] }", "« A3 »")]
    [InlineData("families:\n  - { code: F1, analyses: [A1] }\n  - { code: F2, analyses: [A1, A2] }", "appartient déjà")]
    [InlineData("families:\n  - { code: F1, analyses: [A1, A2], multiplicity: none }", "ne corrige pas")]
    public void Load_InvalidFamily_Refused(string root, string message)
    {
        var result = ProtocolLoader.Load(Protocol("estimator: ancova", root), "p.yaml");
        Assert.Null(result.Protocol);
        Assert.Contains(result.Errors, e => e.Message.Contains(message.Replace(" ", "\u202F").Replace("\u202Fdéjà", " déjà").Replace("corrige\u202Fpas", "corrige pas").Replace("ne\u202F", "ne ")));
    }

    [Fact]
    public void Load_FamilyAnalysisWithOwnMultiplicity_RefusedAtTheAnalysis()
    {
        var text = Protocol("estimator: ancova\nmultiplicity: holm", "families:\n  - { code: F1, analyses: [A1, A2] }");
        var result = ProtocolLoader.Load(text, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("ne déclare pas sa propre correction", error.Message);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("multiplicity: holm")) + 1, error.At.Line);
    }
}
