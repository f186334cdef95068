using System.Security.Cryptography;
using System.Text;

namespace ImpactEval.Collection.Pseudonymisation;

/// <summary>
/// Turns a cité's own identifier of a participant (a file number, an INE…) into the pseudonym the store keeps:
/// HMAC-SHA-256 under the <see cref="PseudonymKey"/> of the territory code and the identifier — trimmed and put in
/// Unicode normalisation form C, so that "É" typed as one character or as "E" and a combining accent is the same
/// person —, first 160 bits in base32 (32 characters). Deterministic, so re-imports match; not reversible without the key.
/// </summary>
/// <remarks>
/// Identifiers are compared case-insensitively: <see cref="Keys"/> also gives a fold key (HMAC of the identifier in
/// upper case under a key derived from the pseudonymisation key), with which the importers recognise, and refuse, an
/// identifier that differs from a known one only by case. The pseudonym itself keeps the case as written, so the
/// pseudonyms recorded before fold keys existed are unchanged.
/// </remarks>
public sealed class Pseudonymiser
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly byte[] key;
    private readonly byte[] foldKey;

    /// <summary>A pseudonymiser with <paramref name="key"/>.</summary>
    /// <param name="key">The pseudonymisation key.</param>
    public Pseudonymiser(PseudonymKey key)
    {
        this.key = key.Bytes;
        foldKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes, 32, info: "ImpactEval participant fold key v1"u8.ToArray());
    }

    /// <summary>The pseudonym of <paramref name="externalId"/> within <paramref name="territoryCode"/>.</summary>
    /// <param name="territoryCode">The cité's code: the same identifier in two cités gives two pseudonyms.</param>
    /// <param name="externalId">The cité's identifier (trimmed and normalised to NFC; case is kept).</param>
    public string Pseudonym(string territoryCode, string externalId) => Hash(key, territoryCode, Normalise(externalId));

    /// <summary>The pseudonym, fold key and pre-v3 pseudonym of <paramref name="externalId"/> within <paramref name="territoryCode"/>.</summary>
    /// <param name="territoryCode">The cité's code.</param>
    /// <param name="externalId">The cité's identifier, as written in a file.</param>
    public ParticipantKeys Keys(string territoryCode, string externalId)
    {
        var trimmed = externalId.Trim();
        var normal = Normalise(trimmed);
        return new ParticipantKeys(Hash(key, territoryCode, normal), Hash(foldKey, territoryCode, Normalise(normal.ToUpperInvariant())),
            normal == trimmed ? null : Hash(key, territoryCode, trimmed));
    }

    /// <summary>The identifier as the store compares it: trimmed, in Unicode normalisation form C.</summary>
    /// <param name="externalId">The identifier as written.</param>
    /// <remarks>A text that is not valid UTF-16 (a lone surrogate) cannot be normalised and is only trimmed.</remarks>
    public static string Normalise(string externalId)
    {
        var trimmed = externalId.Trim();
        try { return trimmed.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return trimmed; }
    }

    private static string Hash(byte[] key, string territoryCode, string identifier)
    {
        var message = Encoding.UTF8.GetBytes(territoryCode + "\u001F" + identifier);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, message, hash);
        return Base32(hash[..20]);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length * 8 / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return builder.ToString();
    }
}
