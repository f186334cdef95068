using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ImpactEval.Collection.Import;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Territories;

/// <summary>
/// Reads a territory registry file (CSV, the columns of <see cref="Columns"/>, documented in docs/collection.md) into
/// <see cref="RegistryEntry"/> rows, with every problem placed at its line and column, in French. Pure: no store.
/// </summary>
/// <remarks>
/// List cells (communes, QPV, REP, REP+, contacts) separate their items with « | ». A file is accepted only whole:
/// any problem refuses it (the caller writes nothing). Within a file, each code appears once, and a département (or a
/// région) has the same name and the same région on every row.
/// </remarks>
public static partial class RegistryFile
{
    /// <summary>The columns of a registry file, in the documented order, and whether each is required.</summary>
    public static readonly ImmutableArray<(string Name, bool Required)> Columns =
    [
        ("code", true), ("nom", true), ("communes", true), ("departement_code", true), ("departement", true), ("region_code", true),
        ("region", true), ("annee_label", true), ("qpv", false), ("rep", false), ("rep_plus", false), ("college_chef_de_file", false), ("contacts", false),
    ];

    /// <summary>The earliest label year (the programme started in 2019).</summary>
    public const int FirstLabelYear = 2019;

    /// <summary>Reads a registry file.</summary>
    /// <param name="stream">The file's bytes (seekable).</param>
    /// <param name="fileName">Name shown in problems.</param>
    /// <returns>The entries (empty when the file has a problem) and the problems.</returns>
    public static (ImmutableArray<RegistryEntry> Entries, ImmutableArray<ImportProblem> Problems) Read(Stream stream, string fileName)
    {
        var problems = new List<ImportProblem>();
        var rows = TabularFile.ReadCsv(stream, fileName, problems, out var headers).ToList();
        if (problems.Count > 0) return ([], [.. problems]);

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < headers.Length; c++)
        {
            var header = TextKey.Normalize(headers[c]).Replace(' ', '_').Replace('-', '_');
            if (!Columns.Any(k => k.Name == header))
            {
                var closest = TextKey.Closest(header, Columns.Select(k => k.Name));
                problems.Add(new ImportProblem(fileName, 1, c + 1, headers[c], null, $"Colonne inconnue {Typography.Quote(headers[c])}.",
                    closest is null ? $"Colonnes admises\u202F: {string.Join(", ", Columns.Select(k => k.Name))}." : $"Vouliez-vous dire {Typography.Quote(closest)}\u202F?"));
            }
            else if (!index.TryAdd(header, c))
                problems.Add(new ImportProblem(fileName, 1, c + 1, headers[c], null, $"La colonne {Typography.Quote(header)} apparaît deux fois.", "Gardez-en une seule."));
        }
        foreach (var (name, _) in Columns.Where(k => k.Required && !index.ContainsKey(k.Name)))
            problems.Add(new ImportProblem(fileName, 1, null, null, null, $"La colonne obligatoire {Typography.Quote(name)} manque.",
                $"La première ligne doit nommer les colonnes\u202F: {string.Join(";", Columns.Select(k => k.Name))}."));
        if (problems.Count > 0) return ([], [.. problems]);
        if (rows.Count == 0)
            return ([], [new ImportProblem(fileName, 2, null, null, null, "Le fichier n’a aucune ligne de cité sous ses en-têtes.", "Ajoutez une ligne par cité.")]);

        var entries = ImmutableArray.CreateBuilder<RegistryEntry>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var departements = new Dictionary<string, (string Name, string Region, int Line)>(StringComparer.Ordinal);
        var regions = new Dictionary<string, (string Name, int Line)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (ImportProblem.CapReached(problems, fileName, row.Line)) break;
            var before = problems.Count;
            string Cell(string column) => index.TryGetValue(column, out var c) ? row.Cells[c].Trim() : "";
            void Problem(string column, string message, string? hint = null) =>
                problems.Add(new ImportProblem(fileName, row.Line, index[column] + 1, column, Cell(column), message, hint));
            string Required(string column)
            {
                var value = Cell(column);
                if (value.Length == 0) Problem(column, $"La colonne {Typography.Quote(column)} est vide.", "Elle est obligatoire pour chaque cité.");
                return value;
            }
            ImmutableArray<string> List(string column) =>
                [.. Cell(column).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

            var code = Required("code");
            if (code.Length > 0 && !CodePattern().IsMatch(code))
                Problem("code", $"Le code {Typography.Quote(code)} ne doit contenir que des lettres sans accent, des chiffres, «\u202F-\u202F» et «\u202F_\u202F» (64 caractères au plus).", "Par exemple CE-069-01.");
            else if (code.Length > 0 && codes.TryGetValue(code, out var first))
                Problem("code", $"La cité {Typography.Quote(code)} figure déjà ligne {first}.", "Chaque cité a une seule ligne.");
            else if (code.Length > 0) codes[code] = row.Line;
            var name = Required("nom");
            if (name.Length > 200) Problem("nom", "Le nom dépasse 200 caractères.");
            var communes = List("communes");
            if (communes.IsEmpty) Problem("communes", "La colonne «\u202Fcommunes\u202F» est vide.", "Nommez au moins une commune (plusieurs\u202F: séparées par «\u202F|\u202F»).");
            var departementCode = Required("departement_code").ToUpperInvariant();
            if (departementCode.Length > 0 && !DepartementPattern().IsMatch(departementCode))
                Problem("departement_code", $"{Typography.Quote(departementCode)} n’est pas un code de département.", "Par exemple 69, 2A ou 971.");
            var departementName = Required("departement");
            var regionCode = Required("region_code");
            if (regionCode.Length > 0 && !RegionPattern().IsMatch(regionCode))
                Problem("region_code", $"{Typography.Quote(regionCode)} n’est pas un code de région (code INSEE à deux chiffres).", "Par exemple 84 pour Auvergne-Rhône-Alpes.");
            var regionName = Required("region");
            var yearText = Required("annee_label");
            var year = 0;
            if (yearText.Length > 0 && (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < FirstLabelYear || year > 2100))
                Problem("annee_label", $"{Typography.Quote(yearText)} n’est pas une année de labellisation.", $"Une année sur quatre chiffres, {FirstLabelYear} ou après (2019, 2021, 2022, 2024…).");
            var contacts = List("contacts");
            if (contacts.FirstOrDefault(c => !MailPattern().IsMatch(c)) is { } bad)
                Problem("contacts", $"{Typography.Quote(bad)} n’est pas une adresse électronique.", "Donnez les adresses fonctionnelles de l’équipe projet (séparées par «\u202F|\u202F»), jamais de numéro de téléphone.");
            foreach (var column in new[] { "communes", "qpv", "rep", "rep_plus", "contacts" })
                if (Cell(column).Length > 2000) Problem(column, $"La colonne {Typography.Quote(column)} dépasse 2\u00A0000 caractères.");

            if (departementCode.Length > 0 && departementName.Length > 0 && regionCode.Length > 0)
            {
                if (departements.TryGetValue(departementCode, out var known) && (known.Name != departementName || known.Region != regionCode))
                    Problem("departement", $"Le département {departementCode} est nommé {Typography.Quote(known.Name)} dans la région {known.Region} ligne {known.Line}, " +
                                           $"et {Typography.Quote(departementName)} dans la région {regionCode} ici.", "Un département a le même nom et la même région sur chaque ligne.");
                else departements.TryAdd(departementCode, (departementName, regionCode, row.Line));
            }
            if (regionCode.Length > 0 && regionName.Length > 0)
            {
                if (regions.TryGetValue(regionCode, out var known) && known.Name != regionName)
                    Problem("region", $"La région {regionCode} est nommée {Typography.Quote(known.Name)} ligne {known.Line}, et {Typography.Quote(regionName)} ici.", "Une région a le même nom sur chaque ligne.");
                else regions.TryAdd(regionCode, (regionName, row.Line));
            }
            if (problems.Count > before) continue;
            entries.Add(new RegistryEntry(code, name, communes, departementCode, departementName, regionCode, regionName, year, List("qpv"), List("rep"), List("rep_plus"),
                Cell("college_chef_de_file") is { Length: > 0 } college ? college : null, contacts));
        }
        return problems.Count > 0 ? ([], [.. problems]) : (entries.ToImmutable(), []);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$")]
    private static partial Regex DepartementPattern();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[^@\\s|]+@[^@\\s|]+\\.[^@\\s|]+$")]
    private static partial Regex MailPattern();
}
