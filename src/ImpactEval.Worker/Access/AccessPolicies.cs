namespace ImpactEval.Worker.Access;

/// <summary>
/// The authorization policies of the HTTP API. Every endpoint needs a valid key (fallback policy) unless it says
/// otherwise (/health); the jobs API needs an administrator key.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Administrator accounts only (the jobs API).</summary>
    public const string Administrator = "administrateur";
}
