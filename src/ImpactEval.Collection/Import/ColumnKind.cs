namespace ImpactEval.Collection.Import;

/// <summary>What a column of an imported file holds.</summary>
public enum ColumnKind
{
    /// <summary>The cité's own identifier of the participant (pseudonymised on import, never stored).</summary>
    Identifier,
    /// <summary>The group code or label.</summary>
    Group,
    /// <summary>The cluster unit (school) code or label.</summary>
    Cluster,
    /// <summary>The enrolment date.</summary>
    EnrolledOn,
    /// <summary>The reason for enrolment.</summary>
    Reason,
    /// <summary>The wave code or label.</summary>
    Wave,
    /// <summary>The date of collection.</summary>
    CollectedOn,
    /// <summary>An indicator's value.</summary>
    Indicator,
    /// <summary>A baseline covariate's value.</summary>
    Covariate,
    /// <summary>The territory (cité) code an aggregated value describes.</summary>
    Territory,
    /// <summary>The period an aggregated value describes (see <see cref="Values.ReportingPeriod"/>).</summary>
    Period,
}

/// <summary>A matched column: its position, header, what it holds and, for values, the code of the indicator or covariate.</summary>
/// <param name="Index">0-based position in the row.</param>
/// <param name="Header">Header text as written in the file.</param>
/// <param name="Kind">What the column holds.</param>
/// <param name="Code">Indicator or covariate code for value columns; null otherwise.</param>
public sealed record MappedColumn(int Index, string Header, ColumnKind Kind, string? Code);
