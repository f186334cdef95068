using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Campaigns;

/// <summary>
/// Issue 15: corrections of a campaign's answers were stored as revisions, but nothing showed them. `campaign revisions`
/// lists them: cité, question, value before and after (as the question reads them), who, when and why; per cité on demand;
/// values outside the campaign (another period, a territory it does not ask) are not its revisions.
/// </summary>
public class CampaignRevisionsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ListAsync_CorrectedAnswers_EveryRevisionWithBeforeAfterWhoAndWhy(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        fixture.Db.Territories.Add(new Data.Entities.Territory { Code = "CE-999-02", Name = "Cité voisine", CreatedAt = DateTime.UtcNow });
        await fixture.Db.SaveChangesAsync();
        var definition = new CampaignDefinition("revue-2025", "Revue de projet 2024-2025", "passerelles", null, "2024-2025",
            new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 30), 10, ["CE-999-01", "CE-999-02"], ["NB_SEANCES", "SATISFACTION"]);
        Assert.True((await new CampaignService(fixture.Db).CreateAsync(definition, "anct", new DateOnly(2025, 8, 20))).Done);
        async Task Import(string csv, string file, string actor)
        {
            await using var stream = CohortFixture.Csv(csv);
            var result = await new AggregateValueImporter(fixture.Db, new FixedClock(new DateOnly(2025, 9, 15))).ImportAsync(fixture.Protocol, stream, file, new ImportOptions(actor));
            Assert.True(result.Accepted, string.Join("\n", result.Problems));
        }
        await Import("territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-01;2024-2025;12;Très satisfaite\nCE-999-02;2024-2025;9;Plutôt satisfaite\nCE-999-02;2023-2024;7;", "revue.csv", "cpo");
        await Import("territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-01;2024-2025;14;Peu satisfaite\nCE-999-02;2023-2024;8;", "revue-corrigee.csv", "cpo-bis");

        var all = (await new CampaignRevisions(fixture.Db).ListAsync("revue-2025"))!;
        var one = (await new CampaignRevisions(fixture.Db).ListAsync("revue-2025", "CE-999-02"))!;

        // CE-999-02's 2023-2024 correction is of another period: not this campaign's.
        Assert.Equal(
            [("CE-999-01", "NB_SEANCES", "12", "14", "cpo-bis", "import de revue-corrigee.csv"), ("CE-999-01", "SATISFACTION", "Très satisfaite", "Peu satisfaite", "cpo-bis", "import de revue-corrigee.csv")],
            all.Select(r => (r.Territory, r.Indicator, r.Previous, r.New, r.ChangedBy, r.Reason)).OrderBy(r => r.Indicator));
        Assert.Empty(one);
        Assert.Null(await new CampaignRevisions(fixture.Db).ListAsync("revue-2042"));
    }
}
