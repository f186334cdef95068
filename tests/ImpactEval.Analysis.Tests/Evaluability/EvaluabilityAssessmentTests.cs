using ImpactEval.Analysis.Evaluability;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests.Evaluability;

/// <summary>
/// Issue 12, item 4: the verdict a CPO gets when the protocol is written, before any data. The protocols of the
/// issue are reproduced: 6 girls followed against 20 classmates, and a "séjours apprenants" action with a
/// before/after questionnaire and no comparison group.
/// </summary>
public class EvaluabilityAssessmentTests
{
    /// <summary>A protocol of tests/ImpactEval.Core.Tests/Protocols: filles-sciences.yaml (6 girls against 20 classmates, one
    /// wave, five outcomes without correction) or sejours.yaml (40 children, before/after, no comparison group).</summary>
    private static Protocol Load(string name)
    {
        var loaded = ProtocolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Protocols", name));
        return loaded.Protocol ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
    }

    [Fact]
    public void Assess_SixVersusTwenty_ReviewFindingsWithTheDetectableEffectAndTheSampleNeeded()
    {
        var verdict = EvaluabilityAssessment.Assess(Load("filles-sciences.yaml"));

        var small = Assert.Single(verdict.Findings, f => f.Code == "petit_groupe" && f.Message.Contains("« FILLES »"));
        Assert.Equal(FindingSeverity.Review, small.Severity);
        Assert.Contains(verdict.Findings, f => f.Code == "petit_groupe" && f.Message.Contains("« CLASSE »"));
        var mde = Assert.Single(verdict.Findings, f => f.Code == "mde_eleve");
        // pwr.t2n.test(n1 = 6, n2 = 20, power = 0.8): d = 1.36 (the figure the issue quotes from `power`).
        Assert.Contains("ne détectera qu'un écart d'au moins 1,36 écart-type", mde.Message);
        Assert.Matches(@"il faudrait environ \d+ et \d+ participants", mde.Advice);
        Assert.Equal((15, 5), (mde.At.Line, mde.At.Column)); // the comparison group's line
        Assert.Contains(verdict.Findings, f => f.Code == "multiplicite" && f.Message.Contains("5 indicateurs"));
        Assert.Contains(verdict.Findings, f => f.Code == "sans_reference");
        Assert.Contains(verdict.Findings, f => f.Code == "source_manquante" && f.Message.Contains("« PLAISIR »"));
        Assert.Equal(0, verdict.Count(FindingSeverity.Blocking));
        Assert.StartsWith("Évaluabilité : aucun point bloquant, 5 points à revoir", verdict.Summary);
    }

    // The sample the advice names does detect 0,3 SD, and one participant fewer in each group would not (up to rounding of the scale).
    [Fact]
    public void Assess_SixVersusTwenty_SampleNeededDetectsTheTargetEffect()
    {
        var protocol = Load("filles-sciences.yaml");
        var advice = EvaluabilityAssessment.Assess(protocol).Findings.Single(f => f.Code == "mde_eleve").Advice;
        var numbers = System.Text.RegularExpressions.Regex.Match(advice, @"environ (\d+) et (\d+)");
        var (n1, n2) = (int.Parse(numbers.Groups[1].Value), int.Parse(numbers.Groups[2].Value));
        var scaled = protocol with { Groups = [protocol.Groups[0] with { PlannedSize = n1 }, protocol.Groups[1] with { PlannedSize = n2 }] };
        Assert.InRange(DesignSensitivity.Planned(scaled).Single().StandardisedEffect, 0.29, 0.3);
        Assert.InRange(n2 / (double)n1, 20 / 6.0 * 0.95, 20 / 6.0 * 1.05);
    }

    [Fact]
    public void Assess_SejoursWithoutComparison_BlockingBecauseAnImpactCannotBeEstimated()
    {
        var verdict = EvaluabilityAssessment.Assess(Load("sejours.yaml"));

        var blocking = Assert.Single(verdict.Findings, f => f.Severity == FindingSeverity.Blocking);
        Assert.Equal("sans_comparaison", blocking.Code);
        Assert.Contains("l'impact (CONFIANCE) ne peut pas être estimé", blocking.Message);
        Assert.Contains("évolution observée, pas comme un effet", blocking.Advice);
        Assert.Equal(blocking, verdict.Findings[0]);
    }

    // The demo protocol: nothing blocking; its 8 schools are flagged for the cluster-robust errors, T0 collects nothing.
    [Fact]
    public void Assess_Demo_NothingBlockingEightSchoolsFlagged()
    {
        var verdict = EvaluabilityAssessment.Assess(ProtocolLoader.LoadFile(DemoData.ProtocolPath()).Protocol!);

        Assert.Equal(0, verdict.Count(FindingSeverity.Blocking));
        Assert.Contains(verdict.Findings, f => f.Code == "peu_unites" && f.Message.Contains("sur seulement 8 unités de regroupement"));
        Assert.Contains(verdict.Findings, f => f.Code == "vague_vide" && f.Message.Contains("« T0 »"));
        Assert.DoesNotContain(verdict.Findings, f => f.Code is "mde_eleve" or "petit_groupe" or "multiplicite");
        Assert.Equal(verdict.Findings.AsEnumerable(), EvaluabilityVerdict.FromJson(verdict.ToJson()).Findings.AsEnumerable()); // as stored
    }
}
