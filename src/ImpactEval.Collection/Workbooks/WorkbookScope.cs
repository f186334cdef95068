namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Whose collection workbook it is: one school's families (<paramref name="School"/>, a cluster code of the protocol)
/// and the indicators one respondent fills in (<paramref name="Respondent"/>, as the protocol writes it, e.g.
/// "enseignant"); null for all schools or all respondents.
/// </summary>
/// <param name="School">Cluster code, or null for every school.</param>
/// <param name="Respondent">Respondent of the indicators, or null for every respondent.</param>
public sealed record WorkbookScope(string? School, string? Respondent)
{
    /// <summary>The whole wave: every school, every respondent.</summary>
    public static WorkbookScope Whole { get; } = new(null, null);

    /// <summary>The respondent of indicators that name none.</summary>
    public const string AnyRespondent = "tous";
}
