namespace ImpactEval.Core.Model;

/// <summary>The public targeted by the action (article 15 of the convention).</summary>
/// <param name="MinimumAge">Youngest age targeted, in years (0–25).</param>
/// <param name="MaximumAge">Oldest age targeted, in years (0–25).</param>
/// <param name="Gender">Gender coverage.</param>
/// <param name="Setting">School, out-of-school, or both.</param>
/// <param name="Description">Free French description of the public.</param>
public sealed record TargetPublic(double? MinimumAge, double? MaximumAge, GenderCoverage Gender, Setting Setting, string? Description);

/// <summary>Which genders the action targets.</summary>
public enum GenderCoverage
{
    /// <summary>Girls and boys ("mixte").</summary>
    Mixed,
    /// <summary>Girls only ("filles").</summary>
    Girls,
    /// <summary>Boys only ("garcons").</summary>
    Boys,
}

/// <summary>Where the action takes place.</summary>
public enum Setting
{
    /// <summary>In school ("scolaire").</summary>
    School,
    /// <summary>Out of school ("periscolaire" / "hors_scolaire").</summary>
    OutOfSchool,
    /// <summary>Both ("mixte").</summary>
    Both,
}
