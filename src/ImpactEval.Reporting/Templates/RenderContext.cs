using System.Diagnostics;
using Fluid;
using Fluid.Values;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The Fluid context of one rendering: the model, the budget (steps and depth through Fluid, wall time here), the
/// last place marker reached (so that an error names its line) and, when checking a template, the problems found so
/// far (a check reports every unknown field instead of stopping at the first).
/// </summary>
internal sealed class RenderContext : TemplateContext
{
    private readonly long deadline;

    /// <summary>Creates the context of one rendering.</summary>
    /// <param name="model">The report model (an allowed root type).</param>
    /// <param name="options">The compiled template's options.</param>
    /// <param name="budget">The render budget.</param>
    /// <param name="collectProblems">Whether field problems are collected (template check) rather than thrown.</param>
    public RenderContext(object model, TemplateOptions options, RenderBudget budget, bool collectProblems)
        : base(model, options, allowModelMembers: false)
    {
        Budget = budget;
        MaxSteps = budget.MaxSteps;
        CollectsProblems = collectProblems;
        deadline = Stopwatch.GetTimestamp() + (long)(budget.MaxDuration.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The context of a rendering started by the engine.</summary>
    public static RenderContext Of(TemplateContext context) =>
        context as RenderContext ?? throw new InvalidOperationException("Report templates are rendered by TemplateEngine only.");

    /// <summary>The render budget.</summary>
    public RenderBudget Budget { get; }

    /// <summary>Statements executed so far.</summary>
    public int Steps => _steps;

    /// <summary>The last place marker reached (-1 before the first).</summary>
    public int Place { get; private set; } = -1;

    /// <summary>Whether field problems are collected rather than thrown.</summary>
    public bool CollectsProblems { get; }

    /// <summary>Field problems collected, each with the place marker where it happened.</summary>
    public List<(int Place, TemplateFieldException Problem)> Problems { get; } = [];

    /// <summary>Records that rendering reached a place marker, and checks the clock.</summary>
    public void Reach(int place)
    {
        Place = place;
        CheckClock();
    }

    /// <summary>Stops the rendering once its wall-time budget is spent.</summary>
    /// <exception cref="RenderBudgetException">The time budget is spent.</exception>
    public void CheckClock()
    {
        if (Stopwatch.GetTimestamp() > deadline)
            throw new RenderBudgetException($"rendu interrompu après {Budget.MaxDuration.TotalSeconds:0} s (le temps de rendu d’un modèle est limité) : réduisez les boucles imbriquées autour de cette balise.");
    }

    /// <summary>A template asked a model record for a field it does not have.</summary>
    public FluidValue UnknownField(string name, ModelValues.ModelType type)
    {
        var candidates = type.FieldNames.Concat(ValueNames).ToList();
        var suggestion = TemplateEngine.Closest(name, candidates) ?? TemplateEngine.Closest(name, TemplateEngine.AllFieldNames);
        var hint = suggestion is null ? $" Champs de cette partie du modèle : {string.Join(", ", type.FieldNames)}." : $" Vouliez-vous dire « {suggestion} » ?";
        return Fail(new TemplateFieldException(name, $"le champ « {name} » n’existe pas à cet endroit du modèle de rapport.{hint}"));
    }

    /// <summary>A template read a field inside a section that is absent (null) here.</summary>
    public FluidValue AbsentSection(string section, string field) =>
        Fail(new TemplateFieldException(section,
            $"« {section} » est vide ici (cette partie manque dans certains rapports) : entourez ce qui lit « {section}.{field} » de « {{% if {section} %}} … {{% endif %}} »."));

    private FluidValue Fail(TemplateFieldException problem)
    {
        if (!CollectsProblems) throw problem;
        Problems.Add((Place, problem));
        return NilValue.Instance;
    }
}
