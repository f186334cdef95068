using Microsoft.AspNetCore.Identity;

namespace ImpactEval.Data.Entities;

/// <summary>
/// A person who signs in to the web application (ASP.NET Core Identity user): a name, a PBKDF2 password hash, the
/// lockout counters, a role and the cités it may see. Machine clients use API <see cref="Account"/>s instead, with
/// the same roles and scopes. No e-mail or phone number is stored (the identity base class's fields for them are not
/// mapped): a password reset is a one-time link an administrator hands over.
/// </summary>
public sealed class User : IdentityUser<int>
{
    /// <summary>What the user may do and see.</summary>
    public AccessRole Role { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it was disabled (UTC); null while it may sign in. A disabled account is kept so that its history stays readable.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Who disabled it.</summary>
    public string? DisabledBy { get; set; }

    /// <summary>The cités it may see (territory team, data entry and partner users).</summary>
    public List<UserTerritory> Territories { get; } = [];
}
