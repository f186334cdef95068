using System.Collections.Immutable;

namespace ImpactEval.Reporting.Inputs;

/// <summary>Generation metadata printed in every report.</summary>
/// <param name="GeneratedAt">Generation timestamp, shown in the offset given (pass Paris time for French readers).</param>
/// <param name="ImpactEvalVersion">Version of ImpactEval that produced the report.</param>
/// <param name="ProtocolVersion">Registered protocol version.</param>
/// <param name="DataFingerprint">Fingerprint of the analysed dataset.</param>
public sealed record ReportGeneration(DateTimeOffset GeneratedAt, string ImpactEvalVersion, int ProtocolVersion, string DataFingerprint)
{
    /// <summary>The version of this assembly ("1.0.0"), used when the caller does not say.</summary>
    public static string CurrentVersion { get; } =
        typeof(ReportGeneration).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Metadata for results, with this assembly's version.</summary>
    public static ReportGeneration For(Analysis.Results.AnalysisResults results, DateTimeOffset generatedAt) =>
        new(generatedAt, CurrentVersion, results.ProtocolVersion, results.DataFingerprint);
}

/// <summary>Options of the report model.</summary>
/// <param name="SuppressionThreshold">Smallest publishable count (default 5; 11 for some health data).</param>
/// <param name="Territory">Facts of the territory sheet, or null.</param>
public sealed record ReportOptions(int SuppressionThreshold = Disclosure.DisclosureControl.DefaultThreshold, TerritoryProfile? Territory = null)
{
    /// <summary>The defaults.</summary>
    public static ReportOptions Default { get; } = new();
}

/// <summary>Facts of a cité's territory sheet (commune, département, population, QPV, poverty rates, label year…).</summary>
/// <param name="Facts">Label and formatted value, in display order.</param>
public sealed record TerritoryProfile(ImmutableArray<(string Label, string Value)> Facts);
