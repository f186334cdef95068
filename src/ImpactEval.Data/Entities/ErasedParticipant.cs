namespace ImpactEval.Data.Entities;

/// <summary>
/// The tombstone of an erased participant: only the pseudonyms of the identifier and the day of the erasure, so that
/// an import cannot silently re-create the person (GDPR article 17). The scope is the territory, like the participant's.
/// </summary>
public sealed class ErasedParticipant
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The territory the participant belonged to.</summary>
    public int TerritoryId { get; set; }

    /// <summary>The erased participant's pseudonym (see <see cref="Participant.Pseudonym"/>).</summary>
    public required string Pseudonym { get; set; }

    /// <summary>The erased participant's fold key (see <see cref="Participant.FoldKey"/>), so that a case variant of the identifier is recognised too.</summary>
    public string? FoldKey { get; set; }

    /// <summary>The day of the erasure (UTC).</summary>
    public DateOnly ErasedOn { get; set; }
}
