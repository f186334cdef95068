using ImpactEval.Core.Loading;
using Xunit;

namespace ImpactEval.Core.Tests.Loading;

/// <summary>The collection keys of the protocol language: an indicator's <c>groups</c> (applicability) and the protocol's <c>contact</c>.</summary>
public class CollectionKeysTests
{
    private static string Protocol(string groups, string contact = "") => $$"""
        id: collecte
        title: "Collecte"
        territory: CE-999-05
        {{contact}}
        indicators:
          - code: NOTE
            label: "Note"
            level: impact
            type: continuous
            respondent: enseignant
            waves: [T1]
          - code: SEANCES
            label: "Séances suivies"
            level: effectivite
            type: count
            respondent: animateur
        {{groups}}
            waves: [T1]
        groups:
          - { code: BEN, label: "Bénéficiaires", role: focal }
          - { code: TEM, label: "Témoins", role: comparison }
        waves:
          - { code: T1, label: "Fin", date: 2026-06-12 }
        """;

    // groups: [BEN] makes the value due for beneficiaries only; an indicator without the key applies to every group.
    [Fact]
    public void Load_IndicatorWithGroups_AppliesToThoseGroupsOnly()
    {
        var result = ProtocolLoader.Load(Protocol("    groups: [BEN]"), "collecte.yaml");

        Assert.True(result.Protocol is not null, string.Join("\n", result.Problems));
        var seances = result.Protocol.FindIndicator("SEANCES")!;
        Assert.Equal("BEN", Assert.Single(seances.GroupCodes));
        Assert.True(seances.AppliesTo("BEN"));
        Assert.False(seances.AppliesTo("TEM"));
        Assert.True(result.Protocol.FindIndicator("NOTE")!.AppliesTo("TEM"));
        Assert.Null(result.Protocol.Contact);
    }

    // An unknown group is refused where it is written, with the closest declared code.
    [Fact]
    public void Load_UnknownGroup_RefusedAtItsPlace()
    {
        var result = ProtocolLoader.Load(Protocol("    groups: [BNE]"), "collecte.yaml");

        Assert.Null(result.Protocol);
        var problem = Assert.Single(result.Problems, p => p.Message.Contains("« BNE »", StringComparison.Ordinal));
        Assert.Equal(17, problem.At.Line);
        Assert.Contains("BEN", problem.Hint);
    }

    // An empty list would make the indicator due for no one: refused.
    [Fact]
    public void Load_EmptyGroups_Refused()
    {
        var result = ProtocolLoader.Load(Protocol("    groups: []"), "collecte.yaml");

        Assert.Null(result.Protocol);
        Assert.Contains(result.Problems, p => p.Message.Contains("est vide", StringComparison.Ordinal));
    }

    // contact: names whom the workbooks send people to; a malformed e-mail address is refused.
    [Fact]
    public void Load_Contact_ReadAndEmailChecked()
    {
        var ok = ProtocolLoader.Load(Protocol("", "contact: { name: \"Cheffe de projet\", email: evaluation@cite.example }"), "collecte.yaml");
        var bad = ProtocolLoader.Load(Protocol("", "contact: { name: \"Cheffe de projet\", email: \"evaluation at cite\" }"), "collecte.yaml");

        Assert.Equal(new Model.ProtocolContact("Cheffe de projet", "evaluation@cite.example"), ok.Protocol?.Contact);
        Assert.Null(bad.Protocol);
        Assert.Contains(bad.Problems, p => p.Message.Contains("adresse électronique", StringComparison.Ordinal) && p.At.Line == 4);
    }
}
