using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactEval.Analysis.Evaluability;

/// <summary>
/// The evaluability verdict of a protocol, before any data: its findings, most serious first. Printed by
/// <c>protocol validate</c>, <c>register</c>, <c>power</c> and <c>workbook</c>, and stored with the protocol version.
/// </summary>
/// <param name="Findings">Blocking findings first, then those to review, then information; each group in file order.</param>
public sealed record EvaluabilityVerdict(ImmutableArray<EvaluabilityFinding> Findings)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, WriteIndented = false };

    /// <summary>Findings of one severity.</summary>
    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>
    /// "Évaluabilité : 1 point bloquant, 2 points à revoir, 3 informations." or, with no finding, "Évaluabilité : aucun
    /// point bloquant ni à revoir."
    /// </summary>
    public string Summary
    {
        get
        {
            var (blocking, review, information) = (Count(FindingSeverity.Blocking), Count(FindingSeverity.Review), Count(FindingSeverity.Information));
            var info = Words(information, "aucune information", "1 information", "informations");
            if (blocking + review == 0) return information == 0 ? "Évaluabilité : aucun point bloquant ni à revoir." : $"Évaluabilité : aucun point bloquant ni à revoir, {info}.";
            return $"Évaluabilité : {Words(blocking, "aucun point bloquant", "1 point bloquant", "points bloquants")}, {Words(review, "aucun point à revoir", "1 point à revoir", "points à revoir")}, {info}.";
        }
    }

    /// <summary>The verdict as JSON, as stored with the protocol version.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A stored verdict read back.</summary>
    public static EvaluabilityVerdict FromJson(string json) => JsonSerializer.Deserialize<EvaluabilityVerdict>(json, Json)!;

    private static string Words(int n, string zero, string one, string many) => n switch { 0 => zero, 1 => one, _ => $"{n} {many}" };
}
