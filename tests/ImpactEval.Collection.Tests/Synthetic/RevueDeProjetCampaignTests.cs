using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Synthetic;

public class RevueDeProjetCampaignTests
{
    // The demo must be the same on every machine: the same seed gives the same cités and answers, another seed others.
    [Fact]
    public void Generate_SameSeed_SameAnswers()
    {
        var a = RevueDeProjetCampaign.Generate();
        var b = RevueDeProjetCampaign.Generate();
        var other = RevueDeProjetCampaign.Generate(seed: 7);

        Assert.Equal(RevueDeProjetCampaign.Csv(a), RevueDeProjetCampaign.Csv(b));
        Assert.NotEqual(RevueDeProjetCampaign.Csv(a), RevueDeProjetCampaign.Csv(other));
    }

    // 208 cités with fictitious codes and names (no real place), about one in ten silent, some late, and some item
    // non-response — what a real consolidation must cope with.
    [Fact]
    public void Generate_Demo_FictitiousCitesWithNonResponseAndLateAnswers()
    {
        var cites = RevueDeProjetCampaign.Generate();

        Assert.Equal(208, cites.Length);
        Assert.All(cites, c => Assert.Matches(@"^CE-998-\d{3}$", c.Code));
        Assert.All(cites, c => Assert.StartsWith("Cité éducative fictive n° ", c.Name));
        Assert.InRange(cites.Count(c => !c.Responded), 10, 40);
        Assert.Contains(cites, c => c.SubmittedOn > RevueDeProjetCampaign.ClosesOn);
        Assert.All(cites.Where(c => c.Responded), c => Assert.InRange(c.SubmittedOn!.Value, RevueDeProjetCampaign.OpensOn,
            RevueDeProjetCampaign.ClosesOn.AddDays(RevueDeProjetCampaign.ExpiryDays)));
        Assert.Contains(cites, c => c.Responded && c.Answers.Count < RevueDeProjetCampaign.Indicators.Length);
    }

    // The files' columns are exactly the indicators of protocols/revue-de-projet.yaml, in its order, and the generator's
    // multiple-choice questions are those of the protocol; every generated value is valid on its scale.
    [Fact]
    public void Indicators_MatchTheShippedQuestionnaire()
    {
        var protocol = ProtocolLoader.LoadFile(DemoData.ProtocolPath("revue-de-projet.yaml")).Protocol!;

        Assert.Equal(protocol.Indicators.Select(i => i.Code), RevueDeProjetCampaign.Indicators);
        Assert.Equal(protocol.MultipleChoices.ToDictionary(q => q.Code, q => string.Join(",", q.OptionCodes)),
            RevueDeProjetCampaign.MultipleChoices.ToDictionary(q => q.Key, q => string.Join(",", q.Value)));
        foreach (var cite in RevueDeProjetCampaign.Generate())
            foreach (var (code, value) in cite.Answers)
                Assert.True(protocol.FindIndicator(code)!.Scale.Check(value, out var error), $"{cite.Code} {code} = {value}: {error}");
    }
}
