using System.Text.Json;

namespace ImpactEval.Statistics.Tests;

/// <summary>Small readers for the design fixtures (JSON null, R's NA, becomes NaN).</summary>
internal static class DesignFixtureJson
{
    public static double D(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDouble() : double.NaN;

    public static int I(this JsonElement e, string name) => (int)Math.Round(e.D(name));

    public static bool Has(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
}
