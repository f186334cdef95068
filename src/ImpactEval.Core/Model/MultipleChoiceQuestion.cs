using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>
/// A multiple-choice question of a questionnaire ("cochez toutes les réponses qui s'appliquent"), such as the
/// functions that make up a cité's operational steering body in ANCT's revue de projet: each option is a binary
/// indicator of the protocol, and the national synthesis shows them together as one question whose shares do not add
/// up to 100 %.
/// </summary>
/// <param name="Code">Stable code of the question (distinct from every indicator code).</param>
/// <param name="Text">The question in French.</param>
/// <param name="OptionCodes">Codes of the binary indicators that are its options, in display order (at least two).</param>
/// <param name="At">Where the question is declared in the protocol file.</param>
public sealed record MultipleChoiceQuestion(string Code, string Text, ImmutableArray<string> OptionCodes, SourcePosition At);
