namespace ImpactEval.Worker.Access;

/// <summary>
/// The authorization policies of the HTTP API. Every endpoint needs a valid key (fallback policy) unless it says
/// otherwise (/health); the jobs API needs an administrator key, the jobs dashboard an administrator or national one.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Administrator accounts only (the jobs API).</summary>
    public const string Administrator = "administrateur";

    /// <summary>The jobs dashboard (<c>/admin/travaux</c>): administrators, and national accounts read only.</summary>
    public const string JobsDashboard = "tableau-des-travaux";
}
