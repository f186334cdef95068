using System.Text.Json;

namespace ImpactEval.Statistics.Tests.Contrasts;

/// <summary>
/// Reading helpers for the fixtures of Reference/contrasts.R and Reference/contrasts_rank.py
/// (Fixtures/contrasts/*.json), shared by the descriptive, contrast and multiplicity tests.
/// </summary>
internal static class ContrastFixtures
{
    /// <summary>Closed-form estimates and standard errors (COMMON.md): 1e-8 relative.</summary>
    public const double EstimateTol = 1e-8;

    /// <summary>p-values and degrees of freedom (COMMON.md): 1e-6.</summary>
    public const double PValueTol = 1e-6;

    /// <summary>The cases array of a fixture file, by case name.</summary>
    public static JsonElement Case(string file, string array, string name) =>
        ReferenceFixture.Load($"contrasts/{file}").GetProperty(array).EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Case names of a fixture array, for xunit MemberData.</summary>
    public static IEnumerable<object[]> Names(string file, string array) =>
        ReferenceFixture.Load($"contrasts/{file}").GetProperty(array).EnumerateArray()
            .Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static double D(this JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(property).GetDouble();

    public static int I(this JsonElement e, string property) => e.GetProperty(property).GetInt32();

    public static GroupSample Group(this JsonElement e, string property, string label) =>
        new(label, ReferenceFixture.Doubles(e.GetProperty(property)));

    /// <summary>Groups written by groups_json() in the R script: [{label, values}, …].</summary>
    public static List<GroupSample> Groups(this JsonElement e, string property = "groups") =>
        e.GetProperty(property).EnumerateArray()
            .Select(g => new GroupSample(g.GetProperty("label").GetString()!, ReferenceFixture.Doubles(g.GetProperty("values"))))
            .ToList();
}
