namespace ImpactEval.Collection.Workbooks;

/// <summary>Whether one workbook of a wave's set came back: the values it owes and those the store holds.</summary>
/// <param name="Scope">The school and the respondent.</param>
/// <param name="FileName">The workbook's file name, as <see cref="CollectionWorkbookSet"/> writes it.</param>
/// <param name="Participants">Participants it lists (owed the wave, in the groups its indicators apply to).</param>
/// <param name="Expected">Values it owes: participants × the indicators of its respondent that apply to their group.</param>
/// <param name="Received">Of those, values the store holds.</param>
public sealed record WorkbookReturn(WorkbookScope Scope, string FileName, int Participants, int Expected, int Received)
{
    /// <summary>Nothing received yet.</summary>
    public bool Missing => Received == 0;

    /// <summary>Every owed value received.</summary>
    public bool Complete => Received == Expected;

    /// <summary>"reçu", "partiel" or "attendu".</summary>
    public string StateLabel => Complete ? "reçu" : Missing ? "attendu" : "partiel";
}
