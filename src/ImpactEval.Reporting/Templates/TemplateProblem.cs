namespace ImpactEval.Reporting.Templates;

/// <summary>A problem in a report template, with its place, in French for the person who edits the template.</summary>
/// <param name="File">The template or partial file name ("rapport-cohorte.hbs", "partials/flux.hbs").</param>
/// <param name="Line">1-based line (0 when unknown).</param>
/// <param name="Column">1-based column (0 when unknown).</param>
/// <param name="Field">The field, helper or partial at fault, or null.</param>
/// <param name="Message">French message with a hint.</param>
public sealed record TemplateProblem(string File, int Line, int Column, string? Field, string Message)
{
    /// <summary>"rapport-cohorte.hbs, ligne 12, colonne 5 : …".</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}, ligne {Line}, colonne {Column} : {Message}" : $"{File} : {Message}";
}

/// <summary>A template could not be rendered; <see cref="Problem"/> says where and why, in French.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateException(TemplateProblem problem, Exception? inner = null) : base(problem.ToString(), inner) => Problem = problem;

    /// <summary>What went wrong and where.</summary>
    public TemplateProblem Problem { get; }
}
