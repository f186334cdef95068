namespace ImpactEval.Reporting.Templates;

/// <summary>
/// A template read the model wrongly while rendering (an unknown field, an absent section entered, a filter given
/// the wrong value); the engine adds the place of the tag being rendered.
/// </summary>
/// <param name="field">The field or filter at fault.</param>
/// <param name="message">French message, without place.</param>
internal sealed class TemplateFieldException(string field, string message) : Exception(message)
{
    /// <summary>The field or filter at fault.</summary>
    public string Field { get; } = field;
}

/// <summary>A rendering went over its <see cref="RenderBudget"/>; the engine adds the place of the tag being rendered.</summary>
/// <param name="message">French message, without place.</param>
internal sealed class RenderBudgetException(string message) : Exception(message);
