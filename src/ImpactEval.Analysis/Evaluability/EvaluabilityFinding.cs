using ImpactEval.Core.Model;

namespace ImpactEval.Analysis.Evaluability;

/// <summary>One finding of the evaluability verdict, placed in the protocol file.</summary>
/// <param name="Code">Stable code of the rule (e.g. "mde_eleve"), for tests and for whoever reads the stored verdict.</param>
/// <param name="Severity">How much it weighs.</param>
/// <param name="At">Where in the protocol file (line, column).</param>
/// <param name="Message">What is wrong, in plain French, with its numbers.</param>
/// <param name="Advice">What to change.</param>
public sealed record EvaluabilityFinding(string Code, FindingSeverity Severity, SourcePosition At, string Message, string Advice)
{
    /// <summary>"à revoir — ligne 161, colonne 5 : message Conseil : advice".</summary>
    public override string ToString() => $"{Severity.Label()} — ligne {At.Line}, colonne {At.Column} : {Message} {Advice}";
}
