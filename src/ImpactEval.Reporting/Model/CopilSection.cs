using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>
/// The synthesis for the steering committee (comité de pilotage), built from the same model as the technical report:
/// the design in one sentence with what it can and cannot show, one answer per evaluation question (the primary
/// analysis' summary and chart, with exactly its inference), the evidence table, the limits and what to do next.
/// </summary>
/// <param name="Design">The design in one sentence.</param>
/// <param name="Reach">What the design can and cannot show (the evidence section's overall reading).</param>
/// <param name="Questions">One answer per evaluation question, in protocol order.</param>
/// <param name="NextSteps">What to do next, in French sentences.</param>
public sealed record CopilSection(string Design, string Reach, ImmutableArray<CopilQuestion> Questions, ImmutableArray<string> NextSteps);

/// <summary>The answer to one evaluation question in the steering committee's synthesis.</summary>
/// <param name="Code">Question code ("Q1").</param>
/// <param name="Text">The question.</param>
/// <param name="PrimaryAnalysis">Code of its primary analysis, or null when no analysis answers it.</param>
/// <param name="Answer">The primary analysis' summary sentence (the same counts as its detail), or what describes the question without comparison.</param>
/// <param name="Complementary">How the complementary analyses of the same outcomes compare with the primary one, or null without any.</param>
/// <param name="Chart">The primary analysis' chart (forest plot), or null.</param>
public sealed record CopilQuestion(string Code, string Text, string? PrimaryAnalysis, string Answer, string? Complementary, Chart? Chart);
