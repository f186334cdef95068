using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>An evaluative question ("question évaluative") and the judgement criteria that answer it.</summary>
/// <param name="Code">Stable code (e.g. "Q1").</param>
/// <param name="Text">The question in French.</param>
/// <param name="Criteria">Judgement criteria, each with its indicators.</param>
public sealed record EvaluationQuestion(string Code, string Text, ImmutableArray<JudgementCriterion> Criteria);

/// <summary>A judgement criterion ("critère de jugement") and the indicators that inform it.</summary>
/// <param name="Code">Stable code (e.g. "Q1.1").</param>
/// <param name="Text">The criterion in French.</param>
/// <param name="IndicatorCodes">Codes of the indicators used to judge it.</param>
public sealed record JudgementCriterion(string Code, string Text, ImmutableArray<string> IndicatorCodes);
