using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace ImpactEval.Data.Access;

/// <summary>A key just issued: its text is shown once to the person it is for, only <see cref="Hash"/> is stored.</summary>
/// <param name="Text">The whole key, "ie_" + 12 hex digits + "." + 43 base64url characters (256 random bits).</param>
/// <param name="KeyId">The public part, "ie_" + 12 hex digits: finds the account, shown by <c>access list</c>.</param>
/// <param name="Hash">SHA-256 of the secret part's 32 bytes.</param>
public sealed record IssuedKey(string Text, string KeyId, byte[] Hash)
{
    /// <summary>Never prints the secret (records print every field by default).</summary>
    public override string ToString() => KeyId + ".…";
}

/// <summary>
/// The format of API keys: <c>ie_0123456789ab.SECRET</c>. The public identifier finds the account in one indexed
/// lookup; the secret (256 bits from the system's CSPRNG) is stored only as its SHA-256 and compared in constant
/// time. A fast hash is enough for a random 256-bit secret (no dictionary to try); a slow password hash would only
/// slow every request down.
/// </summary>
public static class AccessKeys
{
    /// <summary>Every key starts with this (lets secret scanners and people recognise a leaked key).</summary>
    public const string Prefix = "ie_";

    private const int IdHexDigits = 12;
    private const int SecretBytes = 32;
    private const int SecretChars = 43; // base64url without padding of 32 bytes
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> Base64UrlDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new random key.</summary>
    public static IssuedKey Generate()
    {
        var id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdHexDigits / 2));
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var key = new IssuedKey($"{id}.{Base64Url.EncodeToString(secret)}", id, SHA256.HashData(secret));
        CryptographicOperations.ZeroMemory(secret);
        return key;
    }

    /// <summary>Splits a presented key into its public identifier and the hash of its secret; false when it is not a key.</summary>
    /// <param name="text">What the caller sent (the Bearer token).</param>
    /// <param name="keyId">The public identifier.</param>
    /// <param name="hash">SHA-256 of the secret.</param>
    public static bool TryParse(string? text, out string keyId, out byte[] hash)
    {
        keyId = "";
        hash = [];
        text = text?.Trim();
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var dot = text.IndexOf('.');
        if (dot != Prefix.Length + IdHexDigits || text.AsSpan(Prefix.Length, IdHexDigits).ContainsAnyExcept(HexDigits)) return false;
        var encoded = text.AsSpan(dot + 1);
        if (encoded.Length != SecretChars || encoded.ContainsAnyExcept(Base64UrlDigits)) return false;
        Span<byte> secret = stackalloc byte[SecretBytes];
        // Canonical form only: the last character carries two unused bits, which a decoder ignores; a key whose
        // unused bits differ from the issued one's is another text and must not be accepted.
        Span<char> canonical = stackalloc char[SecretChars];
        var valid = Base64Url.DecodeFromChars(encoded, secret, out _, out var written) == OperationStatus.Done && written == SecretBytes
                    && Base64Url.EncodeToChars(secret, canonical) == SecretChars && canonical.SequenceEqual(encoded);
        if (valid)
        {
            keyId = text[..dot];
            hash = SHA256.HashData(secret);
        }
        CryptographicOperations.ZeroMemory(secret);
        return valid;
    }

    /// <summary>Whether a presented secret's hash equals the stored one, in time independent of where they differ.</summary>
    public static bool Matches(byte[] presentedHash, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
