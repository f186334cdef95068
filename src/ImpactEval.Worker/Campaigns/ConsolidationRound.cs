namespace ImpactEval.Worker.Campaigns;

/// <summary>What one consolidation of a national campaign did.</summary>
/// <param name="Rendered">Whether a new synthesis was written (false: the same campaign data was already consolidated, or the campaign cannot be).</param>
/// <param name="Key">The inputs' key ("campagne:CODE:v1:empreinte:synthese-nationale:formats"), null when refused.</param>
/// <param name="Directory">Where the files are, or null.</param>
/// <param name="Files">The files of the synthesis.</param>
/// <param name="Checks">Consistency checks that fail (French); empty when every figure agrees.</param>
/// <param name="Notified">Notifications newly queued to the national coordination.</param>
/// <param name="Summary">One French line for the job history.</param>
public sealed record ConsolidationRound(bool Rendered, string? Key, string? Directory, IReadOnlyList<string> Files, IReadOnlyList<string> Checks, int Notified, string Summary);
