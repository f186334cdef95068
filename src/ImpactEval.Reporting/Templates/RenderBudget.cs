namespace ImpactEval.Reporting.Templates;

/// <summary>
/// What one rendering of a report template may cost, enforced the same way by <c>impacteval report</c>, the worker
/// and <c>impacteval template check</c>: a template edited by a cité cannot run the process out of time or memory.
/// </summary>
/// <param name="MaxSteps">Statements executed (every loop turn, output, tag and included partial counts; Fluid's <c>MaxSteps</c>).</param>
/// <param name="MaxDepth">Levels of nesting of <c>for</c> loops and included partials (Fluid's <c>MaxRecursion</c> + 1).</param>
/// <param name="MaxOutputCharacters">Characters of the rendered document.</param>
/// <param name="MaxDuration">Wall-clock time of the rendering.</param>
public sealed record RenderBudget(int MaxSteps, int MaxDepth, int MaxOutputCharacters, TimeSpan MaxDuration)
{
    /// <summary>
    /// The budget of every rendering (docs/report-model.md): 2,000,000 steps (the demo's cohort report takes 35,342, in
    /// about 30 ms), a nesting depth of 7 (the shipped templates need 6, so 8 nested loops are refused on entering the
    /// 8th), 32 Mi characters (the demo's report has 487,000) and 10 seconds.
    /// </summary>
    public static RenderBudget Default { get; } = new(2_000_000, 7, 32 * 1024 * 1024, TimeSpan.FromSeconds(10));
}
