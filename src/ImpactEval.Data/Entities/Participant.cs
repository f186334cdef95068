namespace ImpactEval.Data.Entities;

/// <summary>
/// A pseudonymous participant (a child and their family). The store never holds a name or the cité's
/// own identifier: only a keyed HMAC of it, whose key lives outside the database.
/// </summary>
public sealed class Participant
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The territory the participant belongs to.</summary>
    public int TerritoryId { get; set; }

    /// <summary>The pseudonym (HMAC-SHA-256 of the territory code and the cité's identifier, base32), unique within the territory.</summary>
    public required string Pseudonym { get; set; }

    /// <summary>
    /// The fold key: a second keyed HMAC, of the identifier in upper case, unique within the territory, so that an
    /// identifier differing from this participant's only by case is recognised (and refused) without storing the
    /// identifier. Null for a participant recorded before schema v3 until the participant next appears in a file.
    /// </summary>
    public string? FoldKey { get; set; }

    /// <summary>When the participant was first recorded (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
