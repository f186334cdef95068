using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using Xunit;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Core.Tests.Loading;

public class ProtocolLoaderTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);
    private static string Local(string name) => Path.Combine(AppContext.BaseDirectory, "Protocols", name);

    // The shipped PasserelleS protocol is the reference design: three cohorts, 8 schools, ordinal teacher ratings.
    [Fact]
    public void LoadFile_ShippedPasserelles_IsValidWithThreeGroupsAndEightSchools()
    {
        var result = ProtocolLoader.LoadFile(Shipped("passerelles.yaml"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        var protocol = result.Protocol!;
        Assert.Equal("passerelles", protocol.Id);
        Assert.Equal(["BEN", "EAJE", "ELOIGNE"], protocol.Groups.Select(g => g.Code));
        Assert.Equal("BEN", protocol.FocalGroup.Code);
        Assert.Equal(8, protocol.Cluster!.Units.Length);
        Assert.Equal(["T0", "T1", "T2"], protocol.Waves.Select(w => w.Code));
        var ordinal = protocol.Indicators.Where(i => i.Level == IndicatorLevel.Impact).ToList();
        Assert.Equal(4, ordinal.Count);
        Assert.All(ordinal, i => Assert.Equal(ValueType.Ordinal, i.Scale.Type));
        Assert.All(ordinal, i => Assert.Equal(4, i.Scale.Levels.Length));
        // The YAML anchor shares one scale between three indicators.
        Assert.True(protocol.FindIndicator("COOP_PROPRETE")!.Scale.SameMeaningAs(protocol.FindIndicator("COOP_QUESTIONS")!.Scale));
        // "focal_vs_each" expands to the focal group against each comparison group.
        Assert.Equal([new ContrastSpec("BEN", "EAJE"), new ContrastSpec("BEN", "ELOIGNE")], protocol.Analyses[0].Contrasts.ToArray());
        Assert.Equal(new DateOnly(2025, 10, 10), protocol.FindWave("T1")!.Schedule.DueDate(new DateOnly(2025, 4, 2)));
    }

    // A CPO's first draft with five distinct mistakes: every one is reported at once, with its place.
    [Fact]
    public void LoadFile_FiveDistinctErrors_ReportsAllFiveWithLinesAndNoProtocol()
    {
        var result = ProtocolLoader.LoadFile(Local("five-errors.yaml"));

        Assert.Null(result.Protocol);
        var errors = result.Errors.ToList();
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.At.Line == 10 && e.Message.Contains("plage"));                       // ordinal with a range
        Assert.Contains(errors, e => e.At.Line == 13 && e.Message.Contains("déclarée deux fois"));           // duplicate level value
        Assert.Contains(errors, e => e.At.Line == 20 && e.Message.Contains("sourec") && e.Message.Contains("PRESENCE") && e.Hint!.Contains("« source »")); // unknown key, did you mean
        Assert.Contains(errors, e => e.At.Line == 35 && e.Message.Contains("PRESENCEE") && e.Hint!.Contains("PRESENCE")); // undefined indicator
        Assert.Contains(errors, e => e.At.Line == 38 && e.Message.Contains("TEMOIN") && e.Hint!.Contains("TEM"));  // unknown group in contrast
        Assert.All(errors, e => Assert.EndsWith("five-errors.yaml", e.File));
    }

    [Fact]
    public void Load_InvalidYamlSyntax_ReportsLineAndFrenchMessage()
    {
        var result = ProtocolLoader.Load("id: x\ntitle: \"non fermé\n  - a: b\n", "brouillon.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("Syntaxe YAML invalide", error.Message);
        Assert.True(error.At.Line >= 2);
    }

    [Fact]
    public void Load_EmptyText_ReportsEmptyFile()
    {
        var result = ProtocolLoader.Load("  \n", "vide.yaml");
        Assert.Contains("vide", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("level: impactt", "impact")]
    [InlineData("type: ordinall", "ordinal")]
    public void Load_MisspelledChoice_SuggestsTheWord(string line, string suggestion)
    {
        var text = Minimal.Replace("level: impact\n    type: continuous", line.StartsWith("level") ? line + "\n    type: continuous" : "level: impact\n    " + line);
        var result = ProtocolLoader.Load(text, "p.yaml");

        Assert.Contains(result.Errors, e => e.Hint is not null && e.Hint.Contains($"« {suggestion} »"));
    }

    [Fact]
    public void Load_MissingRequiredField_NamesFieldAndExample()
    {
        var result = ProtocolLoader.Load(Minimal.Replace("    label: \"Note\"\n", ""), "p.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Contains("« label »", error.Message);
        Assert.StartsWith("Ajoutez par exemple", error.Hint);
    }

    [Fact]
    public void Load_TwoFocalGroups_IsAnError()
    {
        var result = ProtocolLoader.Load(Minimal.Replace("role: comparison", "role: focal"), "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("second groupe focal"));
    }

    [Fact]
    public void Load_OutcomeNotCollectedAtAnalysisWave_IsAnError()
    {
        var text = Minimal.Replace("wave: T1", "wave: T0").Replace("waves:\n  - code: T1", "waves:\n  - code: T0\n    label: \"Début\"\n    offset_days: 0\n  - code: T1");
        var result = ProtocolLoader.Load(text, "p.yaml");
        Assert.Contains(result.Errors, e => e.Message.Contains("n'est pas collecté à la vague « T0 »"));
    }

    [Fact]
    public void Load_MinimalProtocol_IsValid()
    {
        var result = ProtocolLoader.Load(Minimal, "p.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    internal const string Minimal = """
        id: mini
        title: "Mini"
        territory: CE-999-03
        indicators:
          - code: NOTE
            label: "Note"
            level: impact
            type: continuous
            waves: [T1]
        groups:
          - { code: BEN, label: "Bénéficiaires", role: focal }
          - { code: TEM, label: "Témoins", role: comparison }
        waves:
          - code: T1
            label: "Fin"
            date: 2026-06-12
        analyses:
          - code: A1
            label: "Effet"
            outcomes: [NOTE]
            wave: T1
            estimator: difference_in_means
        """;
}
