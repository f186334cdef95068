using System.Text;
using ImpactEval.Core.Files;
using Xunit;

namespace ImpactEval.Core.Tests.Files;

public class AtomicFilesTests
{
    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "impacteval-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string[] Hidden(string folder) => [.. Directory.EnumerateFiles(folder, ".*").Select(Path.GetFileName)!];

    // Issue 10, break 4: the previous rapport.xlsx was left at 0 bytes by a kill. A new content replaces the old one in
    // one rename, and no temporary file is left behind.
    [Fact]
    public void Write_ExistingFile_ReplacedWithoutTemporaryLeft()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "rapport.xlsx");
        File.WriteAllText(path, "ancien");

        AtomicFiles.Write(path, s => s.Write("nouveau"u8));

        Assert.Equal("nouveau", File.ReadAllText(path));
        Assert.Empty(Hidden(folder));
    }

    // A writer that fails half-way (an exception, as a template or disk error would raise) leaves the previous file
    // byte for byte and deletes its temporary file.
    [Fact]
    public void Write_WriterFails_PreviousFileIntact()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "rapport.html");
        File.WriteAllText(path, "ancien");

        Assert.Throws<InvalidOperationException>(() => AtomicFiles.Write(path, s =>
        {
            s.Write("début du nouveau"u8);
            throw new InvalidOperationException("panne");
        }));

        Assert.Equal("ancien", File.ReadAllText(path));
        Assert.Empty(Hidden(folder));
    }

    // Staged files are written next to their targets, which stay as they were until the commit; a set disposed
    // without commit changes nothing.
    [Fact]
    public void Stage_BeforeCommit_TargetsUnchangedAndDisposeDiscards()
    {
        var folder = Folder();
        var html = Path.Combine(folder, "rapport.html");
        File.WriteAllText(html, "ancien");
        using (var files = new AtomicFiles())
        {
            files.Stage(html, s => s.Write("nouveau"u8));
            files.Stage(Path.Combine(folder, "rapport.xlsx"), s => s.Write("classeur"u8));

            Assert.Equal("ancien", File.ReadAllText(html));
            Assert.False(File.Exists(Path.Combine(folder, "rapport.xlsx")));
            Assert.Equal("nouveau", File.ReadAllText(files.TemporaryOf(html)));
            Assert.Equal(Path.GetDirectoryName(html), Path.GetDirectoryName(files.TemporaryOf(html)));
        }

        Assert.Equal("ancien", File.ReadAllText(html));
        Assert.Equal(["rapport.html"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
    }

    // The CSV folder of a report: new tables replace the old ones, and a table the new export no longer has is deleted
    // at the commit, not before.
    [Fact]
    public void Commit_WithDeleteOnCommit_StaleFileDeletedAfterRenames()
    {
        var folder = Folder();
        File.WriteAllText(Path.Combine(folder, "01-flux.csv"), "ancien");
        File.WriteAllText(Path.Combine(folder, "09-perime.csv"), "périmé");
        using var files = new AtomicFiles();
        foreach (var stale in Directory.EnumerateFiles(folder, "*.csv")) files.DeleteOnCommit(stale);
        files.Stage(Path.Combine(folder, "01-flux.csv"), s => s.Write("nouveau"u8));
        Assert.True(File.Exists(Path.Combine(folder, "09-perime.csv")));

        files.Commit();

        Assert.Equal(["01-flux.csv"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
        Assert.Equal("nouveau", File.ReadAllText(Path.Combine(folder, "01-flux.csv")));
    }

    // A file written by another program (Chromium's PDF) is staged by path; when that program fails, the staged file
    // is discarded and the previous PDF stays.
    [Fact]
    public void StageExternal_DiscardedAfterFailure_PreviousFileKept()
    {
        var folder = Folder();
        var pdf = Path.Combine(folder, "rapport.pdf");
        File.WriteAllText(pdf, "%PDF ancien");
        using var files = new AtomicFiles();
        var temporary = files.StageExternal(pdf);
        File.WriteAllText(temporary, "%PDF partiel");

        files.Discard(pdf);
        files.Commit();

        Assert.Equal("%PDF ancien", File.ReadAllText(pdf));
        Assert.Empty(Hidden(folder));
    }

    // A process killed before its commit leaves its temporary files; the next export to the folder deletes them, but
    // not those of a process still running (this one) — only dead ones. Process id 2^22 + 1 is above Linux's pid_max.
    [Fact]
    public void Stage_AbandonedTemporaryOfDeadProcess_Deleted()
    {
        var folder = Folder();
        var abandoned = Path.Combine(folder, $".rapport.xlsx.{(1 << 22) + 1}.{Guid.NewGuid():N}.tmp");
        var living = Path.Combine(folder, $".rapport.html.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(abandoned, "moitié");
        File.WriteAllText(living, "en cours");

        AtomicFiles.Write(Path.Combine(folder, "rapport.xlsx"), s => s.Write("complet"u8));

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(living));
    }

    // A participant export holds personal data: created readable and writable by its owner only (0600), even when
    // it replaces a file that others could read (Linux).
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_OwnerOnly_Mode0600()
    {
        var path = Path.Combine(Folder(), "participant.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await AtomicFiles.WriteAsync(path, (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), ct).AsTask(), AtomicFiles.OwnerOnly);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{\"a\":1}", await File.ReadAllTextAsync(path));
    }
}
