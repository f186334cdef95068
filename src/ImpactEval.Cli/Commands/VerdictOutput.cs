using ImpactEval.Analysis.Evaluability;
using ImpactEval.Core.Model;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// Prints the evaluability verdict of a protocol (<see cref="EvaluabilityAssessment"/>) the same way wherever a command
/// shows it — <c>protocol validate</c>, <c>protocol register</c>, <c>power</c>, <c>workbook</c>: the summary line, then
/// each finding with its grade, its place in the file, its numbers and what to change.
/// </summary>
public static class VerdictOutput
{
    /// <summary>Prints the verdict of <paramref name="protocol"/> read from <paramref name="file"/>.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="file">Its file (or its identifier, for a registered protocol), which the places refer to.</param>
    /// <param name="brief">Only the blocking findings and those to review (for commands whose subject is elsewhere, such as <c>workbook</c>).</param>
    public static EvaluabilityVerdict Print(Protocol protocol, string file, bool brief = false)
    {
        var verdict = EvaluabilityAssessment.Assess(protocol);
        var colour = verdict.Count(FindingSeverity.Blocking) > 0 ? "red" : verdict.Count(FindingSeverity.Review) > 0 ? "yellow" : "green";
        AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(verdict.Summary)}[/]");
        foreach (var finding in verdict.Findings.Where(f => !brief || f.Severity != FindingSeverity.Information))
        {
            var mark = finding.Severity switch { FindingSeverity.Blocking => "[red]bloquant[/]", FindingSeverity.Review => "[yellow]à revoir[/]", _ => "[grey]information[/]" };
            AnsiConsole.MarkupLine($"  {mark} {Markup.Escape($"{file}:{finding.At.Line}:{finding.At.Column} : {finding.Message}")}");
            AnsiConsole.MarkupLine($"    [grey]→ {Markup.Escape(finding.Advice)}[/]");
        }
        return verdict;
    }
}
