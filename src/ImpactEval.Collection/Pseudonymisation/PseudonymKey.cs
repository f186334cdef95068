using System.Security.Cryptography;
using ImpactEval.Data;

namespace ImpactEval.Collection.Pseudonymisation;

/// <summary>
/// The secret key of the pseudonymisation HMAC. It lives outside the database (a file next to it by default,
/// readable by the service account only), so that a copy of the database alone cannot link pseudonyms back
/// to the cité's identifiers. Losing the key means new imports can no longer be matched to stored participants:
/// back it up separately from the database.
/// </summary>
public sealed class PseudonymKey
{
    private PseudonymKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    /// <summary>Reads the key from <paramref name="path"/>, creating a new random 256-bit key there on first run.</summary>
    /// <param name="path">Key file path (base64 text).</param>
    /// <remarks>
    /// The key is written whole, mode 0600, and put in place without overwriting (<see cref="PrivateFile.WriteNew"/>):
    /// a process never reads a partly written key, and when several processes start together on a new data directory,
    /// one key wins and every process uses that one.
    /// </remarks>
    public static PseudonymKey LoadOrCreate(string path)
    {
        if (File.Exists(path)) return FromBase64(File.ReadAllText(path).Trim(), path);
        var bytes = RandomNumberGenerator.GetBytes(32);
        return PrivateFile.WriteNew(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)))
            ? new PseudonymKey(bytes)
            : FromBase64(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>A key given directly (base64 of at least 32 bytes), e.g. from a secret store.</summary>
    /// <param name="base64">The key in base64.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    public static PseudonymKey FromBase64(string base64, string source = "configuration")
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"La clé de pseudonymisation ({source}) n'est pas du base64 valide."); }
        if (bytes.Length < 32) throw new InvalidOperationException($"La clé de pseudonymisation ({source}) doit faire au moins 32 octets.");
        return new PseudonymKey(bytes);
    }
}
