namespace ImpactEval.Worker.Reports;

/// <summary>What one scheduled report run did.</summary>
/// <param name="Rendered">Whether a new report was written (false: the same inputs were already reported, or nothing to report).</param>
/// <param name="Key">The inputs' key ("protocole:v1:empreinte:gabarit:formats"), null when there was nothing to report.</param>
/// <param name="Directory">Where the files are.</param>
/// <param name="Files">The files of the report.</param>
/// <param name="Messages">French messages of the writer (e.g. PDF not produced without Chromium).</param>
/// <param name="Notified">Notifications newly queued to the cité's team.</param>
/// <param name="Summary">One French line for the job history.</param>
public sealed record ReportRound(bool Rendered, string? Key, string? Directory, IReadOnlyList<string> Files, IReadOnlyList<string> Messages, int Notified, string Summary);
