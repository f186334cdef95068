using System.Globalization;
using System.Text;

namespace ImpactEval.Core.Text;

/// <summary>
/// Normalised comparison keys for user-typed text: case-, accent- and spacing-insensitive, so that
/// "Propreté", "proprete" and "PROPRETÉ " match (column headers, scale labels, codes).
/// </summary>
public static class TextKey
{
    /// <summary>Lower-cases, removes diacritics, turns '_', '-' and runs of white space into one space, trims.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c == '_' || c == '-' || c == '\u00A0' || c == '\u202F' || c == '’' || c == '\'')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Levenshtein edit distance between two strings (for "did you mean" hints).</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The candidate closest to <paramref name="text"/> (after normalisation), if it is close enough to be a
    /// plausible typo: at most a third of the longer length, and at most 3 edits.
    /// </summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        var key = Normalize(text);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var candidateKey = Normalize(candidate);
            var distance = candidateKey.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(candidateKey, StringComparison.Ordinal)
                ? Math.Abs(candidateKey.Length - key.Length) / 2
                : EditDistance(key, candidateKey);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best is null) return null;
        var limit = Math.Min(3, Math.Max(1, Math.Max(key.Length, Normalize(best).Length) / 3));
        return bestDistance <= limit ? best : null;
    }
}
