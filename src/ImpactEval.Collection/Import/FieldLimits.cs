namespace ImpactEval.Collection.Import;

/// <summary>
/// The longest text ImpactEval accepts in each kind of cell it reads from a file (documented in docs/collection.md).
/// A longer cell is refused with a placed problem, never stored nor echoed: no real identifier or code is that long,
/// and such a cell comes from a paste accident or a damaged file (or an attempt to fill the store and its audit).
/// </summary>
public static class FieldLimits
{
    /// <summary>Any cell of a CSV or XLSX file: 32,767 characters, the most a spreadsheet cell can hold.</summary>
    public const int Cell = 32_767;

    /// <summary>A participant identifier (the cité's own file number).</summary>
    public const int Identifier = 64;

    /// <summary>A code or label matched against the protocol or the store: group, school, wave, territory, period.</summary>
    public const int Code = 100;

    /// <summary>A value cell: a number or the label of a level of a scale.</summary>
    public const int Value = 200;

    /// <summary>A free text kept in the store: the reason for an enrolment.</summary>
    public const int FreeText = 1_000;
}
