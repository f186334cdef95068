using System.Runtime.InteropServices;

namespace ImpactEval.Data;

/// <summary>
/// Files only the service account may read (mode 0600 on Unix; folders 0700): the store, the keys, exports of one
/// person's data. Each file is created with that mode — never created readable and narrowed afterwards — and written
/// whole to a temporary file of the same folder first, so that no process ever reads a partly written file.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (mode 0700) and its missing parents; an existing folder keeps its mode.</summary>
    /// <param name="path">The folder.</param>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, DirectoryMode0700);
    }

    /// <summary>Creates an empty file with mode 0600 unless it exists (then it is left as it is, mode included).</summary>
    /// <param name="path">The file (its folder must exist).</param>
    public static void CreateEmpty(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var _ = new FileStream(path, Options(System.IO.FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by another process in the meantime.
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (mode 0600) unless the file exists: the first writer wins.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">Its whole content.</param>
    /// <returns>Whether this call created the file (false: it existed, possibly created at the same moment by another process).</returns>
    /// <remarks>
    /// On Unix the complete temporary file is hard-linked to <paramref name="path"/>, which fails if the name exists
    /// (<c>File.Move</c> without overwrite is not atomic there: it renames when the destination looks absent).
    /// </remarks>
    public static bool WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = WriteTemporary(path, bytes);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                try { File.Move(temporary, path, overwrite: false); }
                catch (IOException) when (File.Exists(path)) { return false; }
                return true;
            }
            if (Link(temporary, path) == 0) return true;
            var error = Marshal.GetLastPInvokeError();
            if (error == EEXIST) return false;
            throw new IOException($"Impossible de créer {path} (erreur système {error}).");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (mode 0600), replacing it atomically if it exists.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">Its whole content.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = WriteTemporary(path, bytes);
        try { File.Move(temporary, path, overwrite: true); }
        finally { File.Delete(temporary); }
    }

    private static string WriteTemporary(string path, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using var stream = new FileStream(temporary, Options(System.IO.FileMode.CreateNew));
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        return temporary;
    }

    private static FileStreamOptions Options(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode0600;
        return options;
    }

    private const int EEXIST = 17;

    // Strings are passed as UTF-8 on Unix, the only platform where this is called.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);
}
