using System.Diagnostics;
using System.Globalization;

namespace ImpactEval.Core.Files;

/// <summary>
/// Writes output files so that a process killed at any moment (<c>kill -9</c>, power cut after the data reached the
/// disk) leaves each target either as it was or complete with its new content, never partial or empty. Every file is
/// first written to a temporary file in the target's own folder (hidden: <c>.rapport.xlsx.&lt;pid&gt;.&lt;random&gt;.tmp</c>),
/// flushed to disk, then renamed over the target by <see cref="Commit"/>: a rename within one file system replaces
/// the target in one step (POSIX <c>rename(2)</c>). What every report, workbook, national synthesis and participant
/// export of ImpactEval is written with.
/// </summary>
/// <remarks>
/// <para>
/// A set of files is staged, then committed together; between the two the caller may record what it is about to
/// publish (the report export writes its audit entry there, see <c>Reporting.ExportAudit</c>). Each rename is atomic;
/// the set is not: a kill during <see cref="Commit"/> leaves some targets new and the others as they were, each one
/// complete. Files staged with <see cref="DeleteOnCommit"/> are deleted after the renames (stale files of an earlier
/// export). Disposing without committing deletes the temporary files and leaves the targets untouched.
/// </para>
/// <para>
/// Temporary files left by a killed process are deleted the next time files are staged in the same folder (those
/// whose process id no longer runs). The folder itself is not flushed after the rename: the kernel keeps a completed
/// rename across the death of the process, which is the failure this type guards against.
/// </para>
/// </remarks>
public sealed class AtomicFiles : IDisposable
{
    private const string Suffix = ".tmp";

    private readonly List<(string Target, string Temporary)> staged = [];
    private readonly List<string> deletions = [];
    private readonly HashSet<string> swept = new(StringComparer.Ordinal);
    private bool committed;

    /// <summary>Read and write for the owner only (0600), for outputs that hold personal data.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The targets staged so far, in order (full paths).</summary>
    public IReadOnlyList<string> Targets => [.. staged.Select(s => s.Target)];

    /// <summary>Writes one file atomically (staged, then committed at once).</summary>
    /// <param name="path">The target file (its folder must exist).</param>
    /// <param name="write">Writes the content to the stream given (seekable, not to be disposed).</param>
    /// <param name="mode">Unix permissions of the new file (e.g. <see cref="OwnerOnly"/>); null for the default (umask).</param>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static void Write(string path, Action<Stream> write, UnixFileMode? mode = null)
    {
        using var files = new AtomicFiles();
        files.Stage(path, write, mode);
        files.Commit();
    }

    /// <summary>Writes one file atomically (staged, then committed at once).</summary>
    /// <param name="path">The target file (its folder must exist).</param>
    /// <param name="write">Writes the content to the stream given (seekable, not to be disposed).</param>
    /// <param name="mode">Unix permissions of the new file; null for the default (umask).</param>
    /// <param name="cancellationToken">Cancels the writing; the target is then unchanged.</param>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode? mode = null, CancellationToken cancellationToken = default)
    {
        using var files = new AtomicFiles();
        await files.StageAsync(path, write, mode, cancellationToken);
        files.Commit();
    }

    /// <summary>Stages a file: writes its content to a temporary file next to <paramref name="path"/>.</summary>
    /// <param name="path">The target file (its folder must exist).</param>
    /// <param name="write">Writes the content to the stream given (seekable, not to be disposed).</param>
    /// <param name="mode">Unix permissions of the new file; null for the default (umask).</param>
    public void Stage(string path, Action<Stream> write, UnixFileMode? mode = null)
    {
        var temporary = Reserve(path);
        using var stream = Create(temporary, mode);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Stages a file: writes its content to a temporary file next to <paramref name="path"/>.</summary>
    /// <param name="path">The target file (its folder must exist).</param>
    /// <param name="write">Writes the content to the stream given (seekable, not to be disposed).</param>
    /// <param name="mode">Unix permissions of the new file; null for the default (umask).</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    public async Task StageAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode? mode = null, CancellationToken cancellationToken = default)
    {
        var temporary = Reserve(path);
        await using var stream = Create(temporary, mode);
        await write(stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Stages a file that another program writes (Chromium's PDF): returns the temporary path it must write to. The file
    /// must exist, complete, before <see cref="Commit"/>.
    /// </summary>
    /// <param name="path">The target file (its folder must exist).</param>
    public string StageExternal(string path) => Reserve(path);

    /// <summary>The temporary file holding the staged content of <paramref name="path"/> (to hash it before committing).</summary>
    /// <param name="path">A staged target.</param>
    /// <exception cref="ArgumentException">The path was not staged.</exception>
    public string TemporaryOf(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var (target, temporary) in staged)
            if (target == full) return temporary;
        throw new ArgumentException($"{path} was not staged.", nameof(path));
    }

    /// <summary>Drops a staged file (its temporary file is deleted): its target will stay as it is.</summary>
    /// <param name="path">A staged target; nothing happens if it was not staged.</param>
    public void Discard(string path)
    {
        var full = Path.GetFullPath(path);
        var index = staged.FindIndex(s => s.Target == full);
        if (index < 0) return;
        DeleteQuietly(staged[index].Temporary);
        staged.RemoveAt(index);
    }

    /// <summary>Deletes <paramref name="path"/> at commit, after the renames (a stale output of an earlier export).</summary>
    /// <param name="path">The file to delete; nothing happens if it is absent then.</param>
    public void DeleteOnCommit(string path) => deletions.Add(Path.GetFullPath(path));

    /// <summary>Renames every staged file over its target, in staging order, then deletes the files given to <see cref="DeleteOnCommit"/>.</summary>
    /// <exception cref="InvalidOperationException">Already committed.</exception>
    /// <exception cref="FileNotFoundException">A file staged with <see cref="StageExternal"/> was not written.</exception>
    public void Commit()
    {
        if (committed) throw new InvalidOperationException("These files were already committed.");
        committed = true;
        foreach (var (target, temporary) in staged)
            File.Move(temporary, target, overwrite: true);
        foreach (var stale in deletions.Where(d => !staged.Any(s => s.Target == d)))
            File.Delete(stale);
    }

    /// <summary>Deletes the temporary files of a set that was not committed; the targets stay as they were.</summary>
    public void Dispose()
    {
        if (committed) return;
        committed = true;
        foreach (var (_, temporary) in staged) DeleteQuietly(temporary);
    }

    private string Reserve(string path)
    {
        if (committed) throw new InvalidOperationException("These files were already committed.");
        var target = Path.GetFullPath(path);
        if (staged.Any(s => s.Target == target)) throw new ArgumentException($"{path} is already staged.", nameof(path));
        var directory = Path.GetDirectoryName(target)!;
        if (swept.Add(directory)) SweepAbandoned(directory);
        var temporary = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture,
            $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}"));
        staged.Add((target, temporary));
        return temporary;
    }

    private static FileStream Create(string temporary, UnixFileMode? mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (mode is { } m && !OperatingSystem.IsWindows()) options.UnixCreateMode = m;
        return new FileStream(temporary, options);
    }

    /// <summary>Deletes the temporary files of processes that died before committing them.</summary>
    private static void SweepAbandoned(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "." + "*" + Suffix))
        {
            // .<name>.<pid>.<32 hex>.tmp
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length < 5 || parts[^2].Length != 32 || !int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid != Environment.ProcessId && !IsRunning(pid)) DeleteQuietly(file);
        }
    }

    private static void DeleteQuietly(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
