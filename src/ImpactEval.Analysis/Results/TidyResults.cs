using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactEval.Analysis.Results;

/// <summary>
/// The results of a protocol as one tidy table at full precision (<see cref="TidyRow"/>), and its CSV and JSON forms:
/// what <c>impacteval estimate --format csv|json</c> prints and the data API serves.
/// </summary>
/// <param name="FormatVersion">Version of this table's form (<see cref="CurrentFormat"/>).</param>
/// <param name="Protocol">Protocol identifier.</param>
/// <param name="ProtocolVersion">Protocol version of the results.</param>
/// <param name="DataFingerprint">Fingerprint of the dataset.</param>
/// <param name="EngineVersion">Analysis-engine version that computed the results.</param>
/// <param name="BuildVersion">Build that computed the results.</param>
/// <param name="Rows">The rows: per analysis, per contrast and outcome, the effect; then an ordered logit's thresholds.</param>
public sealed record TidyResults(
    [property: JsonPropertyName("format_version")] int FormatVersion,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("protocol_version")] int ProtocolVersion,
    [property: JsonPropertyName("data_fingerprint")] string DataFingerprint,
    [property: JsonPropertyName("engine_version")] int EngineVersion,
    [property: JsonPropertyName("build_version")] string BuildVersion,
    [property: JsonPropertyName("rows")] ImmutableArray<TidyRow> Rows)
{
    /// <summary>The version of the tidy form (columns of <see cref="TidyRow"/>).</summary>
    public const int CurrentFormat = 1;

    /// <summary>Serializer options: snake_case names as declared, NaN and infinities as "NaN", "Infinity", "-Infinity".</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The tidy table of results.</summary>
    public static TidyResults From(AnalysisResults results)
    {
        var rows = ImmutableArray.CreateBuilder<TidyRow>();
        foreach (var analysis in results.Analyses)
        {
            var sharedThresholds = analysis.Model == Core.Model.AnalysisModel.Joint;
            var thresholdsDone = new HashSet<string>(StringComparer.Ordinal);
            var thresholdRows = new List<TidyRow>();
            foreach (var c in analysis.Contrasts)
            {
                var contrast = $"{c.Focal} vs {c.Comparison}";
                var e = c.Effect;
                rows.Add(e is null
                    ? new TidyRow(analysis.Code, c.Indicator, contrast, "", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, null,
                        double.NaN, double.NaN, c.FailureReason ?? "", "", 0, null)
                    : Row(analysis.Code, c.Indicator, contrast, e, c.Adjusted is { IsMissing: false } a ? a.Value : null, c.Variance ?? "", c.Clusters));
                if (c.Thresholds.IsDefaultOrEmpty || (sharedThresholds && !thresholdsDone.Add(c.Indicator))) continue;
                thresholdRows.AddRange(c.Thresholds.Select(t => Row(analysis.Code, c.Indicator, sharedThresholds ? "" : contrast, t, null, c.Variance ?? "", c.Clusters)));
            }
            rows.AddRange(thresholdRows);
        }
        return new TidyResults(CurrentFormat, results.ProtocolId, results.ProtocolVersion, results.DataFingerprint, results.EngineVersion,
            results.BuildVersion, rows.ToImmutable());
    }

    private static TidyRow Row(string analysis, string outcome, string contrast, Statistics.Estimate e, double? adjusted, string variance, int? clusters) =>
        new(analysis, outcome, contrast, e.Term, e.Value, e.StandardError, e.Statistic, e.DegreesOfFreedom, e.PValue, adjusted,
            e.Interval.Lower, e.Interval.Upper, e.Method, variance, e.N, clusters);

    /// <summary>
    /// The CSV form, for R (<c>read.csv</c>), pandas and spreadsheets: UTF-8, comma-separated, a header of
    /// <see cref="TidyRow.Columns"/>, numbers with a decimal point in their shortest round-trip form (parsing gives the
    /// same double), NA for a missing number, Inf and -Inf, RFC 4180 quoting, LF line ends.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', TidyRow.Columns)).Append('\n');
        foreach (var r in Rows)
        {
            string[] fields =
            [
                Text(r.Analysis), Text(r.Outcome), Text(r.Contrast), Text(r.Term), Number(r.Estimate), Number(r.StdError), Number(r.Statistic),
                Number(r.Df), Number(r.PValue), r.PAdjusted is { } p ? Number(p) : "NA", Number(r.ConfLow), Number(r.ConfHigh), Text(r.Method),
                Text(r.Variance), r.N.ToString(CultureInfo.InvariantCulture), r.Clusters is { } g ? g.ToString(CultureInfo.InvariantCulture) : "NA",
            ];
            csv.Append(string.Join(',', fields)).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The JSON form (this record, snake_case; NaN and infinities as named literals).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A double as R writes it back: shortest round-trip decimal, NA, Inf or -Inf.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NA" : double.IsPositiveInfinity(value) ? "Inf" : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when needed; one that a spreadsheet would take for a formula gets a leading apostrophe.</summary>
    public static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
