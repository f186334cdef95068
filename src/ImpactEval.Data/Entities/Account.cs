namespace ImpactEval.Data.Entities;

/// <summary>
/// An API account: a name, a role, the territories it may see and the hash of its key. The key itself is never
/// stored: it is shown once when granted (see <see cref="Access.AccountRegistry"/>).
/// </summary>
public sealed class Account
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The account's name (e.g. "caf-93", "cpo-valbrune"), unique; recorded as the actor of what it does.</summary>
    public required string Name { get; set; }

    /// <summary>What the account may see.</summary>
    public AccessRole Role { get; set; }

    /// <summary>The public part of the key ("ie_" + 12 hex digits), unique: finds the account without revealing the secret.</summary>
    public required string KeyId { get; set; }

    /// <summary>SHA-256 of the key's 256-bit secret part (32 bytes); compared in constant time.</summary>
    public required byte[] KeyHash { get; set; }

    /// <summary>When the account was granted (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who granted it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was revoked (UTC); null while active. A revoked account is kept so that its history stays readable.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>The territories it may see (territory team and partner accounts).</summary>
    public List<AccountTerritory> Territories { get; } = [];
}
