using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Text;

namespace ImpactEval.Analysis.National;

/// <summary>
/// Checks that the figures of a consolidated campaign agree with each other — the mistakes found in published
/// syntheses (a count larger than its denominator, answers that do not add up to the respondents, a mean outside its
/// range). Shares are never stored: every report recomputes them from numerator and denominator. Pure.
/// </summary>
public static class NationalConsistency
{
    /// <summary>The checks that fail, as French sentences; empty when every figure agrees.</summary>
    /// <param name="results">A consolidated campaign (computed, or typed by hand).</param>
    /// <remarks>
    /// Per question: non-response between 0 and the cités asked; every answer count between 0 and the respondents
    /// (numerator ≤ denominator); for a single-choice question, answers adding up to the respondents; for a numeric
    /// question, as many values as respondents, minimum ≤ median ≤ maximum, minimum ≤ mean ≤ maximum and sum = mean ×
    /// respondents. Across the table: each question asked to the cités of the campaign, and no more respondents to a
    /// question than cités that took part; a cité that did not take part has no submission date.
    /// </remarks>
    public static ImmutableArray<string> Check(NationalCampaignResults results)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var asked = results.Territories.Length;
        var tookPart = results.Territories.Count(t => t.Responded);
        foreach (var q in results.Questions)
        {
            var respondents = q.Respondents;
            if (q.NonResponse < 0 || respondents < 0)
            {
                problems.Add(q.NonResponse < 0
                    ? $"Question {q.Code} : nombre de non-réponses négatif ({N(q.NonResponse)})."
                    : $"Question {q.Code} : plus de non-réponses ({N(q.NonResponse)}) que de cités interrogées ({N(q.Eligible)}).");
                continue;
            }
            if (asked > 0 && q.Eligible != asked)
                problems.Add($"Question {q.Code} : {N(q.Eligible)} cités interrogées, alors que la campagne en interroge {N(asked)}.");
            if (asked > 0 && respondents > tookPart)
                problems.Add($"Question {q.Code} : {N(respondents)} cités répondantes, plus que les {N(tookPart)} cités qui ont participé à la campagne.");
            foreach (var a in q.Answers)
            {
                if (a.Count < 0) problems.Add($"Question {q.Code} : effectif négatif pour « {a.Label} » ({N(a.Count)}).");
                else if (a.Count > respondents) problems.Add($"Question {q.Code} : {N(a.Count)} cités ont répondu « {a.Label} », plus que les {N(respondents)} répondantes.");
            }
            if (q.Numeric is { } s) CheckNumeric(q, s, respondents, problems);
            else if (!q.MultipleChoice)
            {
                var sum = q.Answers.Sum(a => a.Count);
                if (sum != respondents)
                    problems.Add($"Question {q.Code} (choix unique) : les réponses totalisent {N(sum)} cités pour {N(respondents)} répondantes.");
            }
        }
        foreach (var t in results.Territories.Where(t => !t.Responded && t.SubmittedOn is not null))
            problems.Add($"La cité {t.Code} est notée sans réponse mais avec une date de réponse.");
        return problems.ToImmutable();
    }

    private static void CheckNumeric(NationalQuestion q, NumericSummary s, int respondents, ImmutableArray<string>.Builder problems)
    {
        if (q.Answers.Length > 0)
            problems.Add($"Question {q.Code} : une question numérique ne peut pas avoir de réponses à niveaux.");
        if (s.Respondents != respondents)
            problems.Add($"Question {q.Code} : le résumé porte sur {N(s.Respondents)} valeurs pour {N(respondents)} répondantes.");
        if (s.Respondents == 0) return;
        if (!(s.Minimum <= s.Median && s.Median <= s.Maximum))
            problems.Add($"Question {q.Code} : la médiane ({X(s.Median)}) n'est pas comprise entre le minimum ({X(s.Minimum)}) et le maximum ({X(s.Maximum)}).");
        if (!(s.Minimum <= s.Mean && s.Mean <= s.Maximum))
            problems.Add($"Question {q.Code} : la moyenne ({X(s.Mean)}) n'est pas comprise entre le minimum ({X(s.Minimum)}) et le maximum ({X(s.Maximum)}).");
        if (Math.Abs(s.Sum - s.Mean * s.Respondents) > 1e-9 * Math.Max(1, Math.Abs(s.Sum)))
            problems.Add($"Question {q.Code} : la somme ({X(s.Sum)}) ne vaut pas la moyenne ({X(s.Mean)}) multipliée par le nombre de valeurs ({N(s.Respondents)}).");
    }

    private static string N(int n) => FrenchNumber.Format(n, 0).Replace('\u202F', '\u00A0');

    private static string X(double x) => x.ToString("0.###", FrenchNumber.Culture);
}
