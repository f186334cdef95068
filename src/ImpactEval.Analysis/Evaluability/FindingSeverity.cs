namespace ImpactEval.Analysis.Evaluability;

/// <summary>How much a finding of the evaluability verdict weighs.</summary>
public enum FindingSeverity
{
    /// <summary>"bloquant": the protocol cannot answer its questions as written.</summary>
    Blocking,

    /// <summary>"à revoir": it can, but the answer will be weak or fragile unless something changes.</summary>
    Review,

    /// <summary>"information": worth knowing, nothing to change necessarily.</summary>
    Information,
}

/// <summary>French words of <see cref="FindingSeverity"/>.</summary>
public static class FindingSeverities
{
    /// <summary>"bloquant", "à revoir", "information".</summary>
    public static string Label(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Blocking => "bloquant",
        FindingSeverity.Review => "à revoir",
        _ => "information",
    };
}
