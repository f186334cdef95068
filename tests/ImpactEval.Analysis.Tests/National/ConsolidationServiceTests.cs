using System.Diagnostics;
using System.Text;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Analysis.Tests.National;

public class ConsolidationServiceTests(ITestOutputHelper output)
{
    // The 2024 revue de projet of 208 fictitious cités, imported day by day as the cités answered: every count of the
    // consolidation equals the count computed directly from the generated answers, question by question — eligible
    // cités, respondents, non-response, answers per level, ticks per option, numeric summaries — and so does each cité's
    // participation and submission day. The expected values come from the generator's own records, not from the store.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ConsolidateAsync_GeneratedRevueDeProjet_CountsEqualThoseOfTheGeneratedAnswers(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await NationalDemoData.LoadAsync(store);
        await using var db = await store.OpenAsync();

        var clock = Stopwatch.StartNew();
        var outcome = await new ConsolidationService(db).ConsolidateAsync(NationalDemoData.CampaignCode);
        clock.Stop();
        output.WriteLine($"{provider}: {demo.Cites.Length} cités, {demo.Files} files; consolidated in {clock.Elapsed.TotalMilliseconds:0} ms ({outcome.Elapsed.TotalMilliseconds:0} ms inside the service)");

        Assert.True(outcome.Done, outcome.Message);
        Assert.Empty(outcome.Checks);
        var results = outcome.Results!;
        var cites = demo.Cites;
        var protocol = demo.Protocol;
        Assert.Equal(208, results.Territories.Length);
        Assert.Equal(cites.Count(c => c.Responded), results.Territories.Count(t => t.Responded));
        Assert.InRange(results.Territories.Count(t => !t.Responded), 10, 40); // campaign non-response is there
        foreach (var cite in cites)
        {
            var row = results.Territories.Single(t => t.Code == cite.Code);
            Assert.Equal((cite.Name, cite.Responded, cite.SubmittedOn), (row.Name, row.Responded, row.SubmittedOn));
        }

        var single = protocol.Indicators.Where(i => protocol.MultipleChoiceOf(i.Code) is null).ToList();
        Assert.Equal(single.Count + protocol.MultipleChoices.Length, results.Questions.Length);
        foreach (var indicator in single)
        {
            var question = results.Questions.Single(q => q.Code == indicator.Code);
            var answers = cites.Where(c => c.Answers.ContainsKey(indicator.Code)).Select(c => c.Answers[indicator.Code]).ToList();
            Assert.Equal((208, 208 - answers.Count), (question.Eligible, question.NonResponse));
            Assert.False(question.MultipleChoice);
            if (indicator.Scale.IsLabelled)
            {
                foreach (var level in indicator.Scale.EffectiveLevels)
                    Assert.Equal(answers.Count(v => v == level.Value), question.Answers.Single(a => a.Label == level.Label).Count);
                Assert.Equal(answers.Count, question.Answers.Sum(a => a.Count));
            }
            else
            {
                var sorted = answers.Order().ToList();
                var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                var summary = question.Numeric!;
                Assert.Equal(answers.Count, summary.Respondents);
                Assert.Equal(answers.Sum(), summary.Sum, 9);
                Assert.Equal(answers.Average(), summary.Mean, 9);
                Assert.Equal((median, sorted[0], sorted[^1]), (summary.Median, summary.Minimum, summary.Maximum));
            }
        }
        foreach (var multiple in protocol.MultipleChoices)
        {
            var question = results.Questions.Single(q => q.Code == multiple.Code);
            var respondents = cites.Count(c => multiple.OptionCodes.Any(c.Answers.ContainsKey));
            Assert.True(question.MultipleChoice);
            Assert.Equal(multiple.Text, question.Text);
            Assert.Equal((208, 208 - respondents), (question.Eligible, question.NonResponse));
            Assert.Equal(multiple.OptionCodes.Select(o => cites.Count(c => c.Answers.GetValueOrDefault(o) == 1)), question.Answers.Select(a => a.Count));
            Assert.Equal(multiple.OptionCodes.Select(o => protocol.FindIndicator(o)!.Label), question.Answers.Select(a => a.Label));
        }
        Assert.Equal("Gouvernance et coopération", results.Questions.Single(q => q.Code == "PILOTAGE").Theme);
        // Binary answers read "oui" first, and the articulation grid keeps "NC" as an answer of its own.
        Assert.Equal(["oui", "non"], results.Questions.Single(q => q.Code == "CONTRAT_VILLE").Answers.Select(a => a.Label));
        Assert.Contains(results.Questions.Single(q => q.Code == "ARTIC_VEILLE").Answers, a => a.Label == "NC (non concerné)" && a.Count > 0);
    }

    // Consolidating twice without new data gives the same fingerprint (so the worker renders once); one corrected answer
    // changes it.
    [Fact]
    public async Task ConsolidateAsync_SameDataThenOneCorrection_FingerprintStableThenChanged()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var demo = await NationalDemoData.LoadAsync(store, cites: 30);
        await using var db = await store.OpenAsync();
        var service = new ConsolidationService(db);

        var first = await service.ConsolidateAsync(NationalDemoData.CampaignCode);
        var again = await service.ConsolidateAsync(NationalDemoData.CampaignCode);
        var cite = demo.Cites.First(c => c.Answers.ContainsKey("NB_GROUPES"));
        var correction = $"territoire;periode;NB_GROUPES\n{cite.Code};{RevueDeProjetCampaign.Period};{cite.Answers["NB_GROUPES"] + 1}\n";
        await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(correction)))
            Assert.True((await new AggregateValueImporter(db, NationalDemoData.ClockOn(RevueDeProjetCampaign.ClosesOn)).ImportAsync(demo.Protocol, stream, "correction.csv", new ImportOptions("tests"))).Accepted);
        var corrected = await service.ConsolidateAsync(NationalDemoData.CampaignCode);

        Assert.Equal(64, first.Results!.DataFingerprint!.Length);
        Assert.Equal(first.Results.DataFingerprint, again.Results!.DataFingerprint);
        Assert.NotEqual(first.Results.DataFingerprint, corrected.Results!.DataFingerprint);
        Assert.Equal(first.Results.Questions.Single(q => q.Code == "NB_GROUPES").Numeric!.Sum + 1, corrected.Results.Questions.Single(q => q.Code == "NB_GROUPES").Numeric!.Sum);
    }

    // A coordinator types a wave campaign's code, or a code that does not exist: a French refusal, nothing else.
    [Fact]
    public async Task ConsolidateAsync_UnknownCampaign_RefusedInFrench()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();

        var outcome = await new ConsolidationService(db).ConsolidateAsync("revue-2042");

        Assert.False(outcome.Done);
        Assert.Equal("Aucune campagne « revue-2042 ».", outcome.Message);
        Assert.Null(outcome.Results);
    }
}
