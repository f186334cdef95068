using ImpactEval.Core.Files;

namespace ImpactEval.Reporting;

/// <summary>
/// The files of a report (or a national synthesis) written next to their targets but not yet in place: <see cref="Commit"/>
/// renames them over the previous files, disposing without committing deletes them and leaves the previous files as
/// they were. See <see cref="ExportAudit"/> for what happens in between.
/// </summary>
/// <param name="Written">The target files (full paths, in the order of the requested formats) and French messages.</param>
/// <param name="Files">The staged files.</param>
public sealed record StagedReport(ReportWriteResult Written, AtomicFiles Files) : IDisposable
{
    /// <summary>Puts every file in place (see <see cref="AtomicFiles.Commit"/>).</summary>
    public void Commit() => Files.Commit();

    /// <summary>Deletes the files not committed.</summary>
    public void Dispose() => Files.Dispose();
}
