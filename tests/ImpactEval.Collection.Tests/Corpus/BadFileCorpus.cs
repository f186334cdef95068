using System.Text;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Tests.Support;

namespace ImpactEval.Collection.Tests.Corpus;

/// <summary>Which importer a corpus file goes through.</summary>
public enum CorpusImport { Enrolments, Observations, Values }

/// <summary>One bad file of the corpus: its kind, importer, name and bytes, and the line where the damage is.</summary>
public sealed record CorpusFile(string Kind, CorpusImport Import, string Name, byte[] Bytes, int Line)
{
    public override string ToString() => $"{Name} (ligne {Line})";
}

/// <summary>
/// Generates the corpus of bad files of issue 10 from the demo's own synthetic files (seeded cohort of 60 families:
/// enrolments.csv and observations-T1.csv as <see cref="CohortFiles"/> writes them, and a values file of the cité's
/// quarters): each kind of damage a transfer, a spreadsheet or a hostile sender can do, applied with a fixed seed to
/// each file where it makes sense, as CSV and, for the workbook kinds, as .xlsx. Every file must be refused.
/// </summary>
public static class BadFileCorpus
{
    /// <summary>The seed of the corpus (which rows are damaged).</summary>
    public const int Seed = 20251204;

    /// <summary>The cohort's files the corpus starts from (as imported before the bad files are tried).</summary>
    public sealed record Sources(string Enrolments, string Observations, string Values);

    /// <summary>A file to damage: its text split into header and rows, and the columns the damages aim at.</summary>
    private sealed record Source(CorpusImport Import, string Prefix, string[] Header, List<string[]> Rows, int Identifier, int Number, int Date, int Code);

    /// <summary>The demo's files for the corpus.</summary>
    public static Sources Demo()
    {
        var directory = TempDirectory.Create();
        var files = CohortFiles.Write(ImportFixture.LoadPasserelleS(), PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 60).Participants, directory);
        var values = new StringBuilder("territoire;periode;NB_SEANCES;SATISFACTION\n");
        foreach (var (period, sessions, satisfaction) in new[] { ("2025-T1", 14, "3"), ("2025-T2", 11, "Très satisfaite"), ("2025-T3", 9, "4"), ("2025-T4", 12, "2") })
            values.Append($"CE-999-01;{period};{sessions};{satisfaction}\n");
        return new Sources(Read(files[0]), Read(files.Single(f => f.EndsWith("observations-T1.csv", StringComparison.Ordinal))), values.ToString());
    }

    private static string Read(string path) => File.ReadAllText(path).TrimStart('\uFEFF');

    /// <summary>Every file of the corpus, in a fixed order.</summary>
    public static IReadOnlyList<CorpusFile> Generate(Sources sources)
    {
        var random = new Random(Seed);
        var result = new List<CorpusFile>();
        foreach (var source in new[] { Parse(CorpusImport.Enrolments, "inscriptions", sources.Enrolments, "AGE_MOIS", "date_inscription", "groupe"),
                     Parse(CorpusImport.Observations, "observations-T1", sources.Observations, "ASSIDUITE", "date_collecte", "vague"),
                     Parse(CorpusImport.Values, "valeurs", sources.Values, "NB_SEANCES", null, "periode") })
        {
            foreach (var (kind, damage) in Damages)
            {
                var row = random.Next(source.Rows.Count);
                if (damage(source, row) is { } made)
                    result.Add(new CorpusFile(kind, source.Import, $"{source.Prefix}-{kind}.{(made.Workbook ? "xlsx" : "csv")}", made.Bytes, made.Line));
            }
        }
        return result;
    }

    private static Source Parse(CorpusImport import, string prefix, string text, string number, string? date, string code)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(';');
        return new Source(import, prefix, header, [.. lines.Skip(1).Select(l => l.Split(';'))], 0, Array.IndexOf(header, number),
            date is null ? -1 : Array.IndexOf(header, date), Array.IndexOf(header, code));
    }

    private sealed record Made(byte[] Bytes, int Line, bool Workbook = false);

    private delegate Made? Damage(Source source, int row);

    /// <summary>The kinds of damage, by name. Each returns null when it does not apply to the file (a date damage on a file without dates).</summary>
    private static readonly (string Kind, Damage Damage)[] Damages =
    [
        ("ligne-coupee", (s, r) => Cut(s, r)),
        ("cellules-manquantes", (s, r) => Csv(s, r, cells => cells[..^2])),
        ("cellule-en-trop", (s, r) => Csv(s, r, cells => [.. cells, "surplus"])),
        ("retour-chariot-isole", (s, r) => Cell(s, r, s.Number, "9\r2")),
        ("guillemet-non-ferme", (s, r) => Cut(s, r, quote: true)),
        ("cellule-geante", (s, r) => Cell(s, r, s.Identifier, new string('X', 1_000_000))),
        ("identifiant-trop-long", (s, r) => Cell(s, r, s.Identifier, new string('X', s.Import == CorpusImport.Values ? 101 : 65))),
        ("identifiant-manquant", (s, r) => Cell(s, r, s.Identifier, "")),
        ("nombre-coupe", (s, r) => Cell(s, r, s.Number, "34,")),
        ("nombre-coupe-par-espace", (s, r) => Cell(s, r, s.Number, "9 2")),
        ("nombre-deux-separateurs", (s, r) => Cell(s, r, s.Number, "1.234,5")),
        ("nombre-exposant", (s, r) => Cell(s, r, s.Number, "1E1")),
        ("nombre-sans-partie-entiere", (s, r) => Cell(s, r, s.Number, ",5")),
        ("nombre-hors-plage", (s, r) => Cell(s, r, s.Number, "9999")),
        ("texte-dans-nombre", (s, r) => Cell(s, r, s.Number, "absent")),
        ("formule", (s, r) => Cell(s, r, s.Number, "=SOMME(A1:A2)")),
        ("date-impossible", (s, r) => s.Date < 0 ? null : Cell(s, r, s.Date, "31/02/2025")),
        ("date-future", (s, r) => s.Date < 0 ? null : Cell(s, r, s.Date, "01/01/2099")),
        ("date-avant-1900", (s, r) => s.Date < 0 ? null : Cell(s, r, s.Date, "01/01/1899")),
        ("date-annee-courte", (s, r) => s.Date < 0 ? null : Cell(s, r, s.Date, "01/01/25")),
        ("code-inconnu", (s, r) => Cell(s, r, s.Code, "INCONNU")),
        ("ligne-en-double", (s, r) => new Made(Encode(s, [.. s.Rows, s.Rows[r]]), s.Rows.Count + 2)),
        ("octet-nul", (s, r) => Bytes(s, r, bytes => Insert(bytes, Offset(s, r, s.Number), 0))),
        ("double-encodage", (s, r) => Cell(s, r, s.Code, "Ã©cole")),
        ("fins-de-ligne-cr", (s, _) => new Made(Encoding.UTF8.GetBytes(Text(s, s.Rows).Replace('\n', '\r')), 1)),
        ("utf16-sans-bom", (s, _) => new Made(Encoding.Unicode.GetBytes(Text(s, s.Rows)), 1)),
        ("colonne-inconnue", (s, _) => new Made(Encode(s with { Header = [.. s.Header[..^1], s.Header[^1] + "X"] }, s.Rows), 1)),
        ("colonne-en-double", (s, _) => new Made(Encode(s with { Header = [.. s.Header[..^1], s.Header[0]] }, s.Rows), 1)),
        ("en-tete-vide", (s, _) => new Made(Encode(s with { Header = [.. s.Header[..^1], ""] }, s.Rows), 1)),
        ("fichier-vide", (_, _) => new Made([], 1)),
        ("classeur-cellules-fusionnees", (s, r) => Workbook(s, r, (_, cells, line) => (new TestWorkbook { Merged = [$"{Column(s.Code)}{line}:{Column(s.Code)}{line + 1}"] }, cells))),
        ("classeur-texte-partage-absent", (s, r) => Workbook(s, r, (w, cells, line) => (w, Replace(cells, s.Number, line, new TestCell($"{Column(s.Number)}{line}", StoredAs.SharedStringIndex, "99999"))))),
        ("classeur-formule", (s, r) => Workbook(s, r, (w, cells, line) => (w, Replace(cells, s.Number, line, new TestCell($"{Column(s.Number)}{line}", StoredAs.Formula, "1+1", "2"))))),
        ("classeur-cellule-geante", (s, r) => Workbook(s, r, (w, cells, line) => (w, Replace(cells, s.Identifier, line, new TestCell($"{Column(s.Identifier)}{line}", StoredAs.InlineString, new string('X', 40_000)))))),
    ];

    /// <summary>The number of kinds of damage.</summary>
    public static int Kinds => Damages.Length;

    private static Made Cut(Source s, int row, bool quote = false)
    {
        var text = Text(s, s.Rows[..row]);
        var line = string.Join(';', s.Rows[row]);
        var cut = quote ? "\"" + line : line[..Math.Max(1, line.LastIndexOf(';'))];
        return new Made(Encoding.UTF8.GetBytes(text + cut), row + 2);
    }

    private static Made Csv(Source s, int row, Func<string[], string[]> change) =>
        new(Encode(s, [.. s.Rows.Select((cells, i) => i == row ? change(cells) : cells)]), row + 2);

    private static Made Cell(Source s, int row, int column, string value) =>
        Csv(s, row, cells => [.. cells.Select((c, i) => i == column ? value : c)]);

    private static Made Bytes(Source s, int row, Func<byte[], byte[]> change) => new(change(Encode(s, s.Rows)), row + 2);

    private static int Offset(Source s, int row, int column) =>
        Encoding.UTF8.GetByteCount(Text(s, s.Rows[..row]) + string.Concat(s.Rows[row].Take(column).Select(c => c + ";")));

    private static byte[] Insert(byte[] bytes, int at, byte value) => [.. bytes[..at], value, .. bytes[at..]];

    private static string Text(Source s, IEnumerable<string[]> rows) =>
        string.Join(';', s.Header) + "\n" + string.Concat(rows.Select(r => string.Join(';', r) + "\n"));

    private static byte[] Encode(Source s, IEnumerable<string[]> rows) => Encoding.UTF8.GetBytes(Text(s, rows));

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static List<TestCell> Replace(List<TestCell> cells, int column, int line, TestCell cell) =>
        [.. cells.Where(c => c.Reference != $"{Column(column)}{line}"), cell];

    /// <summary>The file as a workbook of shared strings (what Excel writes), damaged at the row's line.</summary>
    private static Made Workbook(Source s, int row, Func<TestWorkbook, List<TestCell>, int, (TestWorkbook, List<TestCell>)> damage)
    {
        var cells = new List<TestCell>();
        foreach (var (values, line) in s.Rows.Prepend(s.Header).Select((v, i) => (v, i + 1)))
            cells.AddRange(values.Select((v, c) => new TestCell($"{Column(c)}{line}", StoredAs.SharedString, v)).Where(c => c.Text.Length > 0));
        var (workbook, damaged) = damage(new TestWorkbook(), cells, row + 2);
        var path = workbook.Sheet("Feuil1", [.. damaged]).Save();
        return new Made(File.ReadAllBytes(path), row + 2, Workbook: true);
    }
}
