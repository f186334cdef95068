using System.Reflection;

namespace ImpactEval.Analysis;

/// <summary>
/// The identity of the code that turns data into numbers. Stored results carry both versions; results from another
/// <see cref="Version"/> are recomputed, never reused (<see cref="EstimateService"/>).
/// </summary>
public static class AnalysisEngine
{
    /// <summary>
    /// The analysis-engine version: bump it in any change that can move a number of the results (an estimator, a default,
    /// a tolerance, the dataset's assembly), so that every store recomputes its estimates on the next <c>estimate</c> or
    /// <c>report</c>. History: 1 = results stored before the version was recorded (read as 0); 2 = joint models by
    /// default, variance and df options, new estimators, families, E-values, ordered-logit thresholds; 3 = observed MDE from each estimate's standard error.
    /// </summary>
    public const int Version = 3;

    /// <summary>
    /// The build's informational version with its commit ("0.14.0+1a2b3c4d5e6f", from the git commit at build time, see
    /// Directory.Build.props); the assembly version when no commit was known.
    /// </summary>
    public static string BuildVersion { get; } =
        typeof(AnalysisEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AnalysisEngine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>"0.14.0+1a2b3c4d5e6f (moteur d’analyse 2)": what reports and the API print.</summary>
    public static string Describe(string buildVersion, int engineVersion) =>
        $"{(buildVersion.Length == 0 ? "inconnue" : buildVersion)} (moteur d’analyse {engineVersion})";
}
