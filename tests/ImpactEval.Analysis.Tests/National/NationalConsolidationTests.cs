using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using Xunit;

namespace ImpactEval.Analysis.Tests.National;

public class NationalConsolidationTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Three partners to tick, a maturity stage, a count of trainings, asked to four cités.
    private static readonly Protocol Questionnaire = ProtocolLoader.Load("""
        id: q
        title: "Questionnaire"
        territory: NATIONAL
        questions:
          - code: PART
            text: "Partenariats"
            criteria:
              - { code: PART.1, text: "Partenaires engagés", indicators: [PART_CAF, PART_ARS, PART_CIO] }
        indicators:
          - { code: PART_CAF, label: "CAF", level: effectivite, type: binary, waves: [R] }
          - { code: PART_ARS, label: "ARS", level: effectivite, type: binary, waves: [R] }
          - { code: PART_CIO, label: "CIO", level: effectivite, type: binary, waves: [R] }
          - code: MATURITE
            label: "Stade"
            level: resultat
            type: ordinal
            levels: [{ value: 1, label: "Stade 1" }, { value: 2, label: "Stade 2" }, { value: 3, label: "Stade 3" }]
            waves: [R]
          - { code: NB_FORMATIONS, label: "Formations", level: effectivite, type: count, unit: formations, waves: [R] }
        groups:
          - { code: CITES, label: "Cités", role: focal }
        waves:
          - { code: R, label: "Revue", date: 2024-06-28 }
        multiple_choice:
          - { code: PARTENAIRES, text: "Quels partenaires ?", options: [PART_CAF, PART_ARS, PART_CIO] }
        """, "q.yaml").Protocol!;

    private static readonly NationalCampaign Campaign = new("revue-test", "Revue test", "2023-2024",
        [new AskedTerritory("CE-1", "Cité 1"), new AskedTerritory("CE-2", null), new AskedTerritory("CE-3", "Cité 3"), new AskedTerritory("CE-4", "Cité 4")]);

    private static CampaignValue V(string territory, string indicator, double value, int day = 3) =>
        new(territory, indicator, value, new DateTime(2024, 6, day, 21, 30, 0, DateTimeKind.Utc));

    // CE-1 ticks CAF and ARS and leaves CIO empty; CE-2 writes 0 everywhere (answered, ticked nothing); CE-3 only gives
    // its stage; CE-4 sends nothing; a cité not asked (CE-9) sends values that must be ignored. A box left empty by a
    // cité that answered counts as not ticked; a cité that touched no option did not answer the question.
    [Fact]
    public void Consolidate_MultipleChoiceWithEmptyAndZeroOptions_RespondentsAndTicks()
    {
        CampaignValue[] values =
        [
            V("CE-1", "PART_CAF", 1), V("CE-1", "PART_ARS", 1), V("CE-1", "MATURITE", 2), V("CE-1", "NB_FORMATIONS", 3, day: 5),
            V("CE-2", "PART_CAF", 0), V("CE-2", "PART_ARS", 0), V("CE-2", "PART_CIO", 0), V("CE-2", "NB_FORMATIONS", 0),
            V("CE-3", "MATURITE", 3),
            V("CE-9", "PART_CAF", 1), V("CE-9", "MATURITE", 1),
        ];

        var results = NationalConsolidation.Consolidate(Questionnaire, Campaign, values, Paris);

        Assert.Equal(["PARTENAIRES", "MATURITE", "NB_FORMATIONS"], results.Questions.Select(q => q.Code));
        var partners = results.Questions[0];
        Assert.Equal((true, 4, 2, "Partenariats"), (partners.MultipleChoice, partners.Eligible, partners.NonResponse, partners.Theme));
        Assert.Equal([("CAF", 1), ("ARS", 1), ("CIO", 0)], partners.Answers.Select(a => (a.Label, a.Count)));
        var stage = results.Questions[1];
        Assert.Equal((4, 2), (stage.Eligible, stage.NonResponse));
        Assert.Equal([0, 1, 1], stage.Answers.Select(a => a.Count));
        var trainings = results.Questions[2].Numeric!;
        Assert.Equal(new NumericSummary(2, 3, 1.5, 1.5, 0, 3, "formations", true), trainings);
        Assert.Equal([("CE-1", "Cité 1", true), ("CE-2", "CE-2", true), ("CE-3", "Cité 3", true), ("CE-4", "Cité 4", false)],
            results.Territories.Select(t => (t.Code, t.Name, t.Responded)));
        // 21:30 UTC on 3 June is 23:30 in Paris: still the 3rd; CE-1's latest value came on the 5th.
        Assert.Equal([new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 3), (DateOnly?)null], results.Territories.Select(t => t.SubmittedOn));
        Assert.Empty(NationalConsistency.Check(results));
    }

    // The same values in another order, or with a value from a cité not asked, give the same fingerprint; one changed
    // value changes it.
    [Fact]
    public void Consolidate_FingerprintDependsOnTheCampaignDataOnly()
    {
        CampaignValue[] values = [V("CE-1", "PART_CAF", 1), V("CE-2", "MATURITE", 2)];

        var a = NationalConsolidation.Consolidate(Questionnaire, Campaign, values, Paris).DataFingerprint;
        var b = NationalConsolidation.Consolidate(Questionnaire, Campaign, [values[1], V("CE-9", "PART_CAF", 1), values[0]], Paris).DataFingerprint;
        var c = NationalConsolidation.Consolidate(Questionnaire, Campaign, [values[0], V("CE-2", "MATURITE", 3)], Paris).DataFingerprint;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    // A stored value that is no level of the scale (a bug upstream, or a scale changed behind the store's back) is
    // counted nowhere: the answers no longer add up to the respondents, and the consistency check says so.
    [Fact]
    public void Consolidate_ValueOutsideTheScale_ReportedByTheChecks()
    {
        var results = NationalConsolidation.Consolidate(Questionnaire, Campaign, [V("CE-1", "MATURITE", 2), V("CE-2", "MATURITE", 7)], Paris);

        var check = Assert.Single(NationalConsistency.Check(results));
        Assert.Equal("Question MATURITE (choix unique) : les réponses totalisent 1 cités pour 2 répondantes.", check);
    }

    // A campaign limited to some indicators consolidates only those (and only the listed options of a multiple choice).
    [Fact]
    public void Consolidate_CampaignOfSomeIndicators_OnlyThoseQuestions()
    {
        var results = NationalConsolidation.Consolidate(Questionnaire, Campaign with { IndicatorCodes = ["PART_CAF", "PART_CIO", "NB_FORMATIONS"] }, [V("CE-1", "PART_ARS", 1)], Paris);

        Assert.Equal(["PARTENAIRES", "NB_FORMATIONS"], results.Questions.Select(q => q.Code));
        Assert.Equal(["CAF", "CIO"], results.Questions[0].Answers.Select(a => a.Label));
        Assert.Equal(4, results.Questions[0].NonResponse); // the ARS value is not part of this campaign
        Assert.Equal(0, results.Questions[1].Numeric!.Respondents);
    }
}
