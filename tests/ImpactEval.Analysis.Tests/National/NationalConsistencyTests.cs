using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests.National;

public class NationalConsistencyTests
{
    private static NationalCampaignResults Consolidated() => NationalDemoData.ConsolidatedWithoutStore();

    // What the consolidation computes always agrees with itself.
    [Fact]
    public void Check_ConsolidatedCampaign_NoProblem() => Assert.Empty(NationalConsistency.Check(Consolidated()));

    // A synthesis edited by hand, with the mistakes found in published syntheses: a count larger than its denominator,
    // single-choice answers that do not add up to the respondents, a mean outside its range and a sum that is not mean ×
    // respondents, a question said to be asked to more cités than the campaign, more respondents than cités that took
    // part, a cité without answer but with an answer date. Every one is reported, in French.
    [Fact]
    public void Check_DeliberatelyInconsistentTable_EveryProblemReported()
    {
        var results = Consolidated();
        var q = results.Questions.ToDictionary(x => x.Code);
        var caf = q["PARTENAIRES"].Answers[0];
        var stage = q["MATURITE"];
        var trainings = q["NB_FORMATIONS"];
        var absent = results.Territories.First(t => !t.Responded);
        var tookPart = results.Territories.Count(t => t.Responded);
        var broken = results with
        {
            Questions =
            [
                q["PARTENAIRES"] with { Answers = [caf with { Count = q["PARTENAIRES"].Respondents + 3 }, .. q["PARTENAIRES"].Answers.Skip(1)] },
                stage with { Answers = [stage.Answers[0] with { Count = stage.Answers[0].Count + 2 }, .. stage.Answers.Skip(1)] },
                trainings with { Numeric = trainings.Numeric! with { Mean = trainings.Numeric.Maximum + 1 } },
                q["CONTRAT_VILLE"] with { Eligible = 210, NonResponse = 210 - tookPart - 1, Answers = [new AnswerCount("oui", tookPart + 1), new AnswerCount("non", 0)] },
            ],
            Territories = [.. results.Territories.Select(t => t == absent ? t with { SubmittedOn = new DateOnly(2024, 6, 1) } : t)],
        };

        var problems = NationalConsistency.Check(broken);

        Assert.Contains(problems, p => p == $"Question PARTENAIRES : {q["PARTENAIRES"].Respondents + 3} cités ont répondu « {caf.Label} », plus que les {q["PARTENAIRES"].Respondents} répondantes.");
        Assert.Contains(problems, p => p == $"Question MATURITE (choix unique) : les réponses totalisent {stage.Respondents + 2} cités pour {stage.Respondents} répondantes.");
        Assert.Contains(problems, p => p.StartsWith("Question NB_FORMATIONS : la moyenne", StringComparison.Ordinal) && p.Contains("n'est pas comprise entre le minimum"));
        Assert.Contains(problems, p => p.StartsWith("Question NB_FORMATIONS : la somme", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "Question CONTRAT_VILLE : 210 cités interrogées, alors que la campagne en interroge 208.");
        Assert.Contains(problems, p => p == $"Question CONTRAT_VILLE : {tookPart + 1} cités répondantes, plus que les {tookPart} cités qui ont participé à la campagne.");
        Assert.Contains(problems, p => p == $"La cité {absent.Code} est notée sans réponse mais avec une date de réponse.");
        Assert.Equal(7, problems.Length);
    }

    // Non-response larger than the cités asked cannot give respondents: the check says so and checks nothing else of it.
    [Fact]
    public void Check_MoreNonResponseThanCitesAsked_Reported()
    {
        var results = new NationalCampaignResults("c", "C", [new NationalQuestion("Q", "", "Q ?", false, 10, 12, [new AnswerCount("oui", 1)])], []);

        Assert.Equal("Question Q : plus de non-réponses (12) que de cités interrogées (10).", Assert.Single(NationalConsistency.Check(results)));
    }
}
