using System.Collections.Immutable;

namespace ImpactEval.Reporting.Templates;

/// <summary>A problem in a report template, with its place, in French for the person who edits the template.</summary>
/// <param name="File">The template or partial file name ("rapport-cohorte.liquid", "partials/flux.liquid").</param>
/// <param name="Line">1-based line (0 when unknown).</param>
/// <param name="Column">1-based column (0 when unknown).</param>
/// <param name="Field">The field, filter, tag or partial at fault, or null.</param>
/// <param name="Message">French message with a hint.</param>
public sealed record TemplateProblem(string File, int Line, int Column, string? Field, string Message)
{
    /// <summary>"rapport-cohorte.liquid, ligne 12, colonne 5 : …".</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}, ligne {Line}, colonne {Column} : {Message}" : $"{File} : {Message}";
}

/// <summary>A template could not be rendered; <see cref="Problems"/> say where and why, in French.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception for one problem.</summary>
    public TemplateException(TemplateProblem problem, Exception? inner = null) : this([problem], inner)
    {
    }

    /// <summary>Creates the exception for one or more problems (the message is the first).</summary>
    public TemplateException(ImmutableArray<TemplateProblem> problems, Exception? inner = null) : base(problems[0].ToString(), inner) => Problems = problems;

    /// <summary>The first problem: what went wrong and where.</summary>
    public TemplateProblem Problem => Problems[0];

    /// <summary>Every problem found (a template check reports all of them; a rendering stops at the first).</summary>
    public ImmutableArray<TemplateProblem> Problems { get; }
}
