using System.Collections.Immutable;
using System.Globalization;
using ImpactEval.Core.Text;

namespace ImpactEval.Core.Model;

/// <summary>
/// How the values of an indicator or covariate are measured: a type, an optional unit and valid
/// range (continuous and count), or labelled levels (binary, ordinal, categorical). Every stored value
/// is a number: the level's value for labelled scales, 1/0 for binary.
/// </summary>
/// <param name="Type">The measurement type.</param>
/// <param name="Unit">Unit shown to users (e.g. "%", "demi-journées"); null when unitless.</param>
/// <param name="Minimum">Smallest valid value (continuous, count); null when unbounded.</param>
/// <param name="Maximum">Largest valid value (continuous, count); null when unbounded.</param>
/// <param name="Levels">Labelled levels in order (ordinal, categorical, binary); empty otherwise.</param>
public sealed record Scale(ValueType Type, string? Unit, double? Minimum, double? Maximum, ImmutableArray<ScaleLevel> Levels)
{
    /// <summary>The default yes/no levels of a binary scale.</summary>
    public static readonly ImmutableArray<ScaleLevel> YesNo = [new ScaleLevel(0, "non"), new ScaleLevel(1, "oui")];

    /// <summary>Whether values are labelled levels rather than free numbers.</summary>
    public bool IsLabelled => Type is ValueType.Ordinal or ValueType.Categorical or ValueType.Binary;

    /// <summary>The levels to use: the declared ones, or oui/non for a binary scale declared without levels.</summary>
    public ImmutableArray<ScaleLevel> EffectiveLevels =>
        Type == ValueType.Binary && (Levels.IsDefaultOrEmpty) ? YesNo : Levels.IsDefault ? [] : Levels;

    /// <summary>
    /// Structural equality that ignores nothing: two scales are the same when a stored number means the
    /// same thing under both (same type, unit, range and levels in the same order).
    /// </summary>
    public bool SameMeaningAs(Scale other) =>
        Type == other.Type && Unit == other.Unit && Minimum == other.Minimum && Maximum == other.Maximum &&
        EffectiveLevels.SequenceEqual(other.EffectiveLevels);

    /// <summary>
    /// Reads one user-typed value: a French or international number, or a level's label (case and accent
    /// insensitive) for labelled scales. Returns null and a French reason with a hint when the text is not valid.
    /// </summary>
    /// <param name="text">The raw cell text (already known not to be empty).</param>
    /// <param name="value">The stored numeric value when valid.</param>
    /// <param name="error">French reason and hint when invalid.</param>
    public bool TryRead(string text, out double value, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (IsLabelled)
        {
            var levels = EffectiveLevels;
            var key = TextKey.Normalize(trimmed);
            foreach (var level in levels)
            {
                if (TextKey.Normalize(level.Label) == key) { value = level.Value; return true; }
            }
            if (Type == ValueType.Binary && TryReadBoolean(key, out value)) return true;
            if (FrenchNumber.TryParse(trimmed, out value))
            {
                foreach (var level in levels) if (level.Value == value) return true;
            }
            value = double.NaN;
            error = $"{Typography.Quote(trimmed)} n’est pas un niveau de l’échelle. Valeurs admises\u202F: {DescribeLevels()}.";
            return false;
        }

        if (!FrenchNumber.TryParse(trimmed, out value))
        {
            error = Type == ValueType.Count
                ? $"{Typography.Quote(trimmed)} n’est pas un nombre entier. Saisissez un nombre comme 12."
                : $"{Typography.Quote(trimmed)} n’est pas un nombre. Saisissez un nombre comme 12,5 (virgule décimale).";
            value = double.NaN;
            return false;
        }
        return Check(value, out error);
    }

    /// <summary>Checks a numeric value against the type and range; returns a French reason when invalid.</summary>
    public bool Check(double value, out string? error)
    {
        error = null;
        if (!double.IsFinite(value))
        {
            error = "La valeur n'est pas un nombre fini.";
            return false;
        }
        if (IsLabelled)
        {
            foreach (var level in EffectiveLevels) if (level.Value == value) return true;
            error = $"{FrenchNumber.Plain(value)} n’est pas un niveau de l’échelle. Valeurs admises\u202F: {DescribeLevels()}.";
            return false;
        }
        if (Type == ValueType.Count && (value < 0 || Math.Floor(value) != value))
        {
            error = $"{FrenchNumber.Plain(value)} n’est pas un entier positif ou nul, attendu pour un comptage.";
            return false;
        }
        if (Minimum is { } min && value < min || Maximum is { } max && value > max)
        {
            error = $"{FrenchNumber.Plain(value)} est hors de la plage admise {DescribeRange().Replace(' ', Typography.NarrowSpace)}.";
            return false;
        }
        return true;
    }

    /// <summary>The label of a level value, or the number formatted in French for unlabelled scales.</summary>
    public string Label(double value)
    {
        foreach (var level in EffectiveLevels) if (level.Value == value) return level.Label;
        return FrenchNumber.Plain(value);
    }

    /// <summary>"1 = pas du tout, 2 = un peu, …" for messages and workbooks.</summary>
    public string DescribeLevels() =>
        string.Join(", ", EffectiveLevels.Select(l => $"{l.Value.ToString(CultureInfo.InvariantCulture)} = {l.Label}"));

    /// <summary>"[0 ; 100] %" for messages and workbooks.</summary>
    public string DescribeRange()
    {
        var min = Minimum is { } a ? FrenchNumber.Plain(a) : "−∞";
        var max = Maximum is { } b ? FrenchNumber.Plain(b) : "+∞";
        return $"[{min} ; {max}]" + (Unit is null ? "" : " " + Unit);
    }

    private static bool TryReadBoolean(string key, out double value)
    {
        switch (key)
        {
            case "oui" or "o" or "vrai" or "yes" or "true": value = 1; return true;
            case "non" or "n" or "faux" or "no" or "false": value = 0; return true;
            default: value = double.NaN; return false;
        }
    }

}
