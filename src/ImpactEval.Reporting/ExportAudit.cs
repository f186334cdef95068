using System.Security.Cryptography;
using ImpactEval.Data;
using ImpactEval.Data.Entities;

namespace ImpactEval.Reporting;

/// <summary>
/// Records an export in the audit log and puts its files in place, in the order that keeps the two consistent
/// whenever the process is killed: (1) every file is written to a temporary file next to its target (staged, see
/// <see cref="ReportWriter.StageAsync"/>); (2) the <c>report.export</c> audit entry is committed, naming each file
/// with the SHA-256 of its new content; (3) the files are renamed over the previous ones.
/// </summary>
/// <remarks>
/// A kill during (1) leaves the previous files and no entry (the temporary files are deleted by the next export to the
/// folder); during (3), each file is either the previous one or the new one, complete. So at every moment each report
/// file on disk has its content hash in a <c>report.export</c> entry: nothing is ever published without being audited.
/// The converse is not guaranteed: after a kill during (3), the last entry may list a file whose previous version is
/// still on disk — the entry records what was about to be published, and the hashes tell which version is there.
/// </remarks>
public static class ExportAudit
{
    /// <summary>Adds the audit entry (with the staged files and their hashes), saves it, then commits the files.</summary>
    /// <param name="db">The store.</param>
    /// <param name="staged">The staged files of the export; nothing is audited or committed when there are none.</param>
    /// <param name="entry">The entry, without the files: they are written at the start of its details.</param>
    /// <param name="cancellationToken">Cancels before the entry is saved (the files then stay as they were).</param>
    public static async Task RecordAndCommitAsync(ImpactEvalDbContext db, StagedReport staged, AuditEntry entry, CancellationToken cancellationToken)
    {
        if (staged.Written.Files.IsEmpty) return;
        entry.Details = $"fichiers : {string.Join(" ; ", staged.Written.Files.Select(f => $"{f} (SHA-256 {Sha256(staged.Files.TemporaryOf(f))})"))}" +
                        (string.IsNullOrEmpty(entry.Details) ? "" : " ; " + entry.Details);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        staged.Commit();
    }

    /// <summary>The SHA-256 of a file, in lower-case hexadecimal (as <c>sha256sum</c> prints it).</summary>
    /// <param name="path">The file.</param>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
