namespace ImpactEval.Collection.Pseudonymisation;

/// <summary>
/// What the store may know of one identifier of a cité: its pseudonym, its fold key (the same for every spelling that
/// differs only by case), and — for an identifier not written in Unicode NFC — the pseudonym a release before schema v3
/// gave it. None of them can be turned back into the identifier without the key.
/// </summary>
/// <param name="Pseudonym">HMAC of the trimmed, NFC-normalised identifier (see <see cref="Pseudonymiser.Pseudonym"/>).</param>
/// <param name="FoldKey">HMAC, under a key derived from the pseudonymisation key, of the identifier in upper case.</param>
/// <param name="LegacyPseudonym">The pseudonym of the identifier as written (trimmed, not normalised) when that differs from <paramref name="Pseudonym"/>; null otherwise.</param>
public readonly record struct ParticipantKeys(string Pseudonym, string FoldKey, string? LegacyPseudonym);
