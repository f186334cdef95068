using FsCheck;
using FsCheck.Fluent;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Tests.Support;

namespace ImpactEval.Collection.Tests.Properties;

/// <summary>A file cut or shortened at one row, and the line of that row.</summary>
public sealed record CutFile(string Text, int Line)
{
    public override string ToString() => $"line {Line}";
}

/// <summary>The demo's enrolment file for a small seeded cohort (40 families), as CohortFiles writes it, and ways to damage it.</summary>
public static class DemoFile
{
    private static readonly Lazy<string> Content = new(() =>
    {
        var directory = TempDirectory.Create();
        var files = CohortFiles.Write(ImportFixture.LoadPasserelleS(), PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 40).Participants, directory);
        return File.ReadAllText(files[0]).TrimStart('\uFEFF');
    });

    /// <summary>The file's text (LF line ends, a final line end).</summary>
    public static string Text => Content.Value;

    private static string[] Lines => Text.TrimEnd('\n').Split('\n');

    /// <summary>Number of data rows.</summary>
    public static int Rows => Lines.Length - 1;

    /// <summary>Every cell holding a decimal number: (line, column, text), 1-based.</summary>
    public static IReadOnlyList<(int Line, int Column, string Text)> Decimals =>
        [.. Lines.Skip(1).SelectMany((l, r) => l.Split(';').Select((c, i) => (Line: r + 2, Column: i + 1, Text: c))).Where(c => c.Text.Contains(','))];

    /// <summary>The file cut inside a data row, anywhere before that row's last cell: the rest of the file is lost.</summary>
    public static Gen<CutFile> Cuts() =>
        from row in Gen.Choose(1, Rows)
        let line = Lines[row]
        from cut in Gen.Choose(1, line.LastIndexOf(';'))
        select new CutFile(string.Join('\n', Lines.Take(row)) + "\n" + line[..cut], row + 1);

    /// <summary>The file with one data row losing its last 1 to n−1 cells and their separators; the other rows intact.</summary>
    public static Gen<CutFile> DroppedCells() =>
        from row in Gen.Choose(1, Rows)
        let cells = Lines[row].Split(';')
        from keep in Gen.Choose(1, cells.Length - 1)
        select new CutFile(string.Join('\n', Lines.Select((l, i) => i == row ? string.Join(';', cells.Take(keep)) : l)) + "\n", row + 1);
}
