using System.Security.Cryptography;

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
    public static PseudonymKey LoadOrCreate(string path)
    {
        if (File.Exists(path)) return FromBase64(File.ReadAllText(path).Trim(), path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(bytes));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return FromBase64(File.ReadAllText(path).Trim(), path);
        }
        return new PseudonymKey(bytes);
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
