using System.Text.Json;

namespace ImpactEval.Statistics.Tests.Models;

/// <summary>Turns the inputs stored in Fixtures/models/*.json (written by Reference/models.R) into C# arguments.</summary>
internal static class ModelFixtures
{
    public static IReadOnlyList<Predictor> Predictors(JsonElement c)
    {
        var names = ReferenceFixture.Strings(c.GetProperty("x_names"));
        var cols = c.GetProperty("x").EnumerateArray().Select(ReferenceFixture.Doubles).ToArray();
        return names.Select((n, j) => new Predictor(n, cols[j])).ToArray();
    }

    public static double[] OptionalDoubles(JsonElement c, string name) =>
        c.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Array ? ReferenceFixture.Doubles(e) : Array.Empty<double>();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? -1 : v.GetInt32()).ToArray();

    public static IEnumerable<object[]> Cases(string file) =>
        ReferenceFixture.Load(file).GetProperty("cases").EnumerateArray().Select((c, i) => new object[] { c.GetProperty("name").GetString()!, i });

    public static JsonElement Case(string file, int index) =>
        ReferenceFixture.Load(file).GetProperty("cases")[index];
}
