using System.Collections.Immutable;

namespace ImpactEval.Reporting.Inputs;

/// <summary>Generation metadata printed in every report.</summary>
/// <param name="GeneratedAt">Generation timestamp, shown in the offset given (pass Paris time for French readers).</param>
/// <param name="ImpactEvalVersion">Version of ImpactEval that produced the report.</param>
/// <param name="ProtocolVersion">Registered protocol version.</param>
/// <param name="DataFingerprint">Fingerprint of the analysed dataset.</param>
public sealed record ReportGeneration(DateTimeOffset GeneratedAt, string ImpactEvalVersion, int ProtocolVersion, string DataFingerprint)
{
    /// <summary>Whether the data comes (at least in part) from ImpactEval's demonstration generator: the cover says « données synthétiques ».</summary>
    public bool SyntheticData { get; init; }

    /// <summary>The build's informational version with its commit ("0.14.0+1a2b3c4d5e6f"), used when the caller does not say.</summary>
    public static string CurrentVersion { get; } = Analysis.AnalysisEngine.BuildVersion;

    /// <summary>
    /// Metadata for results: this build's version and the analysis-engine version of the results ("0.14.0+1a2b3c4d5e6f
    /// (moteur d’analyse 2)"), with the build that computed them when it was another one.
    /// </summary>
    public static ReportGeneration For(Analysis.Results.AnalysisResults results, DateTimeOffset generatedAt) =>
        new(generatedAt, Version(results), results.ProtocolVersion, results.DataFingerprint);

    /// <summary>The version text of a report on <paramref name="results"/>.</summary>
    public static string Version(Analysis.Results.AnalysisResults results) =>
        results.BuildVersion.Length == 0 || results.BuildVersion == CurrentVersion
            ? Analysis.AnalysisEngine.Describe(CurrentVersion, results.EngineVersion)
            : $"{CurrentVersion} (estimations calculées par la version {results.BuildVersion}, moteur d’analyse {results.EngineVersion})";
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
