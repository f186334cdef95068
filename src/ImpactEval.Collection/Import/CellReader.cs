using System.Globalization;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Collection.Import;

/// <summary>Reads typed values from cells, turning every failure into a placed French problem.</summary>
internal static class CellReader
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Date(TabularRow row, MappedColumn column, string file, List<ImportProblem> problems, bool required)
    {
        var text = row.Cells[column.Index].Trim();
        if (text.Length == 0)
        {
            if (required) problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, null, "Date manquante.", "Saisissez la date au format JJ/MM/AAAA."));
            return null;
        }
        if (TryDate(text, out var date)) return date;
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text, $"« {text} » n'est pas une date.", "Saisissez la date au format JJ/MM/AAAA (par exemple 15/09/2025)."));
        return null;
    }

    /// <summary>Matches a cell to a code or a label (case- and accent-insensitive).</summary>
    public static string? Code(TabularRow row, MappedColumn column, IEnumerable<(string Code, string Label)> choices, string what, string file, List<ImportProblem> problems)
    {
        var text = row.Cells[column.Index].Trim();
        var list = choices.ToList();
        if (text.Length == 0)
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, null, $"{what} manquant(e).", $"Valeurs admises : {string.Join(", ", list.Select(c => c.Code))}."));
            return null;
        }
        var key = TextKey.Normalize(text);
        foreach (var (code, label) in list)
            if (TextKey.Normalize(code) == key || TextKey.Normalize(label) == key) return code;
        var closest = TextKey.Closest(text, list.Select(c => c.Code));
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text, $"{what} « {text} » inconnu(e) dans le protocole.",
            (closest is null ? "" : $"Vouliez-vous dire « {closest} » ? ") + $"Valeurs admises : {string.Join(", ", list.Select(c => c.Code))}."));
        return null;
    }

    /// <summary>Reads a value on a scale; empty cells are missing values (null), never an error.</summary>
    public static double? Value(TabularRow row, MappedColumn column, Scale scale, string file, List<ImportProblem> problems)
    {
        var text = row.Cells[column.Index];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (LooksLikeFormula(text))
        {
            problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, Neutralise(text),
                "La cellule contient une formule, pas une valeur.", "Remplacez la formule par sa valeur (copier, puis collage spécial « valeurs »)."));
            return null;
        }
        if (scale.TryRead(text, out var value, out var error)) return value;
        problems.Add(new ImportProblem(file, row.Line, column.Index + 1, column.Header, text.Trim(), error!, ValueHint(scale)));
        return null;
    }

    /// <summary>What to type instead of an invalid value, in French.</summary>
    public static string ValueHint(Scale scale) => scale.IsLabelled
        ? "Saisissez le numéro ou le libellé d'un niveau de l'échelle ; laissez la cellule vide si la valeur n'a pas été recueillie."
        : scale.Type == ValueType.Count
            ? $"Saisissez un nombre entier dans la plage {scale.DescribeRange()} ; laissez la cellule vide si la valeur n'a pas été recueillie."
            : $"Saisissez un nombre dans la plage {scale.DescribeRange()} (virgule décimale) ; laissez la cellule vide si la valeur n'a pas été recueillie.";

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
