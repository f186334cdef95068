namespace ImpactEval.Data.Access;

/// <summary>How much of a protocol's results an account sees.</summary>
public enum ResultDetail
{
    /// <summary>
    /// The stored analysis results as computed, small counts included (administrator, territory team): what the
    /// cité's team needs to steer its evaluation.
    /// </summary>
    FullResults,

    /// <summary>
    /// Only the tables of the published report, after statistical disclosure control (national, partner): no count
    /// below the threshold, nothing that could be computed back.
    /// </summary>
    PublishedTables,

    /// <summary>No results at all (data entry): estimates and reports are refused.</summary>
    None,
}
