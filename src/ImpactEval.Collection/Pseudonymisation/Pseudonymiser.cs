using System.Security.Cryptography;
using System.Text;

namespace ImpactEval.Collection.Pseudonymisation;

/// <summary>
/// Turns a cité's own identifier of a participant (a file number, an INE…) into the pseudonym the store keeps:
/// HMAC-SHA-256 under the <see cref="PseudonymKey"/> of the territory code and the trimmed identifier, first
/// 160 bits in base32 (32 characters). Deterministic, so re-imports match; not reversible without the key.
/// </summary>
public sealed class Pseudonymiser(PseudonymKey key)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The pseudonym of <paramref name="externalId"/> within <paramref name="territoryCode"/>.</summary>
    /// <param name="territoryCode">The cité's code: the same identifier in two cités gives two pseudonyms.</param>
    /// <param name="externalId">The cité's identifier (trimmed; case is significant).</param>
    public string Pseudonym(string territoryCode, string externalId)
    {
        var message = Encoding.UTF8.GetBytes(territoryCode + "\u001F" + externalId.Trim());
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key.Bytes, message, hash);
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
