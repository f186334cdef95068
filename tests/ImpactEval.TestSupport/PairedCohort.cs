using System.Collections.Immutable;
using System.Text.Json;
using ImpactEval.Analysis;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.TestSupport;

/// <summary>
/// The séjours protocol (tests/ImpactEval.Core.Tests/Protocols/sejours.yaml: a before/after questionnaire, no comparison
/// group) with data taken from the R reference cases of paired changes (Statistics.Tests Fixtures/contrasts/paired.json),
/// so that every change a test reads is R's.
/// </summary>
public static class PairedCohort
{
    private static readonly Lazy<JsonElement> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paired.json")));
        return document.RootElement.Clone();
    });

    /// <summary>The séjours protocol file next to the test assembly.</summary>
    public static string ProtocolPath => Path.Combine(AppContext.BaseDirectory, "Protocols", "sejours.yaml");

    /// <summary>One R reference case by name ("continuous_40", "ordinal_35", "small_8", "large_60").</summary>
    public static JsonElement Case(string name) => Cases.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>One row per participant of each group: CONFIANCE from the first case, ENVIE from the second (NaN beyond its length or without one).</summary>
    public static AnalysisDataset Dataset(Model.Protocol protocol, params (string Group, JsonElement Confiance, JsonElement? Envie)[] groups)
    {
        static double[] Values(JsonElement c, string side) => [.. c.GetProperty(side).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble())];
        var rows = groups.SelectMany(g =>
        {
            var (before, after) = (Values(g.Confiance, "before"), Values(g.Confiance, "after"));
            var (envieBefore, envieAfter) = g.Envie is { } e ? (Values(e, "before"), Values(e, "after")) : ([], []);
            return before.Select((b, i) => (g.Group, b, a: after[i], eb: i < envieBefore.Length ? envieBefore[i] : double.NaN, ea: i < envieAfter.Length ? envieAfter[i] : double.NaN));
        }).ToList();
        var outcomes = new Dictionary<string, ImmutableArray<double>>
        {
            [AnalysisDataset.Key("CONFIANCE", "AVANT")] = [.. rows.Select(r => r.b)],
            [AnalysisDataset.Key("CONFIANCE", "APRES")] = [.. rows.Select(r => r.a)],
            [AnalysisDataset.Key("ENVIE", "AVANT")] = [.. rows.Select(r => r.eb)],
            [AnalysisDataset.Key("ENVIE", "APRES")] = [.. rows.Select(r => r.ea)],
        }.ToImmutableDictionary();
        var dates = protocol.Waves.ToImmutableDictionary(w => w.Code, w => rows.Select(_ => (DateOnly?)w.Schedule.FixedDate).ToImmutableArray());
        return new AnalysisDataset(protocol.Id, 1, [.. rows.Select(r => r.Group)], [.. rows.Select(_ => (string?)null)], [.. rows.Select(_ => "active")],
            ImmutableDictionary<string, ImmutableArray<double>>.Empty, outcomes, dates, "paired");
    }
}
