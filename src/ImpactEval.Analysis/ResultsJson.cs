using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactEval.Analysis.Results;

namespace ImpactEval.Analysis;

/// <summary>The JSON form of <see cref="AnalysisResults"/> kept in the store and served by the API.</summary>
public static class ResultsJson
{
    /// <summary>
    /// The version of the JSON form, written into every result (<see cref="AnalysisResults.FormatVersion"/>): 2 added the
    /// format, engine and build versions, contrasts' variance, clusters, thresholds and E-values, analyses' model and family.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>Serializer options: camelCase, enums as strings, NaN and infinities allowed (R's NA / Inf).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>Serializes results.</summary>
    public static string Write(AnalysisResults results) => JsonSerializer.Serialize(results, Options);

    /// <summary>Reads results back.</summary>
    public static AnalysisResults Read(string json) =>
        JsonSerializer.Deserialize<AnalysisResults>(json, Options) ?? throw new JsonException("empty results");
}
