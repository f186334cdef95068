using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using static ImpactEval.Core.Text.Typography;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Collection.Import;

/// <summary>Reads typed values from cells, turning every failure into a placed French problem.</summary>
internal static class CellReader
{
    /// <summary>The earliest date accepted in a file: anything before is a typing accident (01/01/0025, 1825…).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>
    /// The trimmed text of a cell, or null (with a placed problem that does not show the text) when it is longer than
    /// <paramref name="limit"/> characters.
    /// </summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The cell's column.</param>
    /// <param name="limit">The most characters accepted (see <see cref="FieldLimits"/>).</param>
    /// <param name="what">What the cell holds, capitalised, for the message ("L’identifiant", "Le motif").</param>
    /// <param name="file">File name for the problem.</param>
    /// <param name="problems">Where the problem goes.</param>
    public static string? Text(TabularRow row, MappedColumn column, int limit, string what, string file, List<ImportProblem> problems)
    {
        var text = row.Cells[column.Index].Trim();
        if (text.Length <= limit) return text;
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, null,
            $"{what} fait {text.Length.ToString("N0", FrenchNumber.Culture)} caractères\u202F: {limit.ToString("N0", FrenchNumber.Culture)} au plus.",
            "Vérifiez la cellule\u202F: un texte aussi long vient d’un collage accidentel ou d’un fichier abîmé."));
        return null;
    }

    /// <summary>
    /// Reads a date cell: a real calendar date (see <see cref="FrenchDate.TryParse"/>) from 1900 on and not after
    /// <paramref name="latest"/> (the import day: a collection or an enrolment cannot have happened later).
    /// </summary>
    public static DateOnly? Date(TabularRow row, MappedColumn column, string file, List<ImportProblem> problems, bool required, DateOnly latest)
    {
        var text = Text(row, column, FieldLimits.Code, "La date", file, problems);
        if (text is null) return null;
        if (text.Length == 0)
        {
            if (required) problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, null, "Date manquante.", "Saisissez la date au format JJ/MM/AAAA."));
            return null;
        }
        if (!FrenchDate.TryParse(text, out var date))
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text, $"{Quote(text)} n’est pas une date.",
                "Saisissez une date du calendrier au format JJ/MM/AAAA (par exemple 15/09/2025), sans heure."));
            return null;
        }
        if (date < EarliestDate || date > latest)
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text,
                date < EarliestDate ? $"La date {FrenchDate.Format(date)} est antérieure à 1900." : $"La date {FrenchDate.Format(date)} est postérieure à aujourd’hui ({FrenchDate.Format(latest)}).",
                "Vérifiez l’année (une faute de frappe, comme 2099 pour 2025, est fréquente)."));
            return null;
        }
        return date;
    }

    /// <summary>Matches a cell to a code or a label (case- and accent-insensitive).</summary>
    public static string? Code(TabularRow row, MappedColumn column, IEnumerable<(string Code, string Label)> choices, string what, string file, List<ImportProblem> problems)
    {
        var list = choices.ToList();
        var text = Text(row, column, FieldLimits.Code, $"Le code ({what})", file, problems);
        if (text is null) return null;
        if (text.Length == 0)
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, null, $"{what} manquant(e).", $"Valeurs admises\u202F: {string.Join(", ", list.Select(c => c.Code))}."));
            return null;
        }
        var key = TextKey.Normalize(text);
        foreach (var (code, label) in list)
            if (TextKey.Normalize(code) == key || TextKey.Normalize(label) == key) return code;
        var closest = TextKey.Closest(text, list.Select(c => c.Code));
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text, $"{what} {Quote(text)} inconnu(e) dans le protocole.",
            (closest is null ? "" : $"Vouliez-vous dire {Quote(closest)}\u202F? ") + $"Valeurs admises\u202F: {string.Join(", ", list.Select(c => c.Code))}."));
        return null;
    }

    /// <summary>Reads a value on a scale; empty cells are missing values (null), never an error.</summary>
    public static double? Value(TabularRow row, MappedColumn column, Scale scale, string file, List<ImportProblem> problems)
    {
        var text = row.Cells[column.Index];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Text(row, column, FieldLimits.Value, "La valeur", file, problems) is null) return null;
        if (LooksLikeFormula(text))
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, Neutralise(text),
                "La cellule contient une formule, pas une valeur.", "Remplacez la formule par sa valeur (copier, puis collage spécial «\u202Fvaleurs\u202F»)."));
            return null;
        }
        if (scale.TryRead(text, out var value, out var error)) return value;
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text.Trim(), error!, ValueHint(scale)));
        return null;
    }

    /// <summary>What to type instead of an invalid value, in French.</summary>
    public static string ValueHint(Scale scale) => scale.IsLabelled
        ? "Saisissez le numéro ou le libellé d’un niveau de l’échelle\u202F; laissez la cellule vide si la valeur n’a pas été recueillie."
        : scale.Type == ValueType.Count
            ? $"Saisissez un nombre entier dans la plage {scale.DescribeRange()}\u202F; laissez la cellule vide si la valeur n’a pas été recueillie."
            : $"Saisissez un nombre dans la plage {scale.DescribeRange()} (virgule décimale, par exemple 12,5 ou 1 234,5)\u202F; laissez la cellule vide si la valeur n’a pas été recueillie.";

    /// <summary>Whether a cell looks like a spreadsheet formula (=, +, -, @ followed by a letter or parenthesis).</summary>
    public static bool LooksLikeFormula(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2) return false;
        if (trimmed[0] == '=' || trimmed[0] == '@') return true;
        return trimmed[0] is '+' or '-' && !FrenchNumber.TryParse(trimmed, out _) && char.IsLetter(trimmed[1]) is var letter && (letter || trimmed[1] == '(');
    }

    /// <summary>Shows a formula-looking text safely in messages (a leading apostrophe).</summary>
    public static string Neutralise(string text) => "'" + text.Trim();
}
