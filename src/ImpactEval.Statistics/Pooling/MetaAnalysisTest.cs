namespace ImpactEval.Statistics;

/// <summary>How the pooled effect of a meta-analysis is tested and its interval built (metafor's <c>test</c> argument).</summary>
public enum MetaAnalysisTest
{
    /// <summary>Wald z test with SE = sqrt(1 / Σ wᵢ) and normal quantiles (metafor <c>test = "z"</c>, the default).</summary>
    Normal,

    /// <summary>
    /// Hartung–Knapp–Sidik–Jonkman: the variance is multiplied by q = Σ wᵢ (yᵢ − μ̂)² / (k − 1) and the
    /// test uses t on k − 1 df (metafor <c>test = "knha"</c>). Recommended with few studies.
    /// </summary>
    KnappHartung,

    /// <summary>
    /// As <see cref="KnappHartung"/> but q is truncated below at 1, so the interval is never narrower
    /// than the normal one (metafor <c>test = "adhoc"</c>; Röver, Knapp &amp; Friede 2015).
    /// </summary>
    KnappHartungAdHoc,
}
