using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

/// <summary>
/// The corpus of bad files (BadFiles/, described in its README): each is refused with a precise French report — file,
/// line, column, value, reason, hint — and nothing is written (row counts before and after are equal).
/// </summary>
public class BadFileTests
{
    public static TheoryData<StoreProvider, string> Cases()
    {
        var data = new TheoryData<StoreProvider, string>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
            foreach (var file in Directory.GetFiles(Folder(), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                data.Add(provider, file!);
        return data;
    }

    // Every file a partner might send by mistake is refused whole, with its problems placed, and the store is untouched.
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ImportAsync_BadFile_RefusedWithPlacedFrenchReportAndNothingWritten(StoreProvider provider, string file)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        Assert.True((await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv")).Accepted);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        await using var stream = File.OpenRead(Path.Combine(Folder(), file));
        var result = await new ObservationImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, stream, file, new ImportOptions("tests"));

        Assert.False(result.Accepted);
        Assert.False(result.Written);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        Assert.All(result.Problems, p => Assert.Equal(file, p.File));
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Hint)));
        var expected = Expected[file];
        Assert.Equal(expected.Length, result.Problems.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (line, column, value, reason) = expected[i];
            var problem = result.Problems[i];
            Assert.Equal((line, column, value), (problem.Line, problem.Column, problem.Value));
            Assert.Contains(reason, problem.Message);
        }
    }

    // What the corpus must produce: (line, column, value shown, part of the reason), in report order.
    private static readonly Dictionary<string, (int Line, int? Column, string? Value, string Reason)[]> Expected = new()
    {
        ["colonne-inconnue.csv"] =
        [
            (1, 4, null, "Colonne inconnue «\u202FCOOP_PROPRTE\u202F»"),
            (1, 6, null, "Colonne inconnue «\u202Fremarques\u202F»"),
        ],
        ["doublon.csv"] = [(4, 1, null, "déjà une ligne pour la vague T1 (ligne 2)")],
        ["encodage-double-conversion.csv"] = [(2, 21, null, "converti deux fois")],
        ["encodage-utf16-sans-bom.csv"] = [(1, 2, null, "octets nuls")],
        ["formules.csv"] =
        [
            (3, 4, "'=HYPERLINK(\"http://exemple.org\";\"4\")", "formule"),
            (4, 4, "'@SOMME(A1:A3)", "formule"),
        ],
        ["hors-echelle.csv"] =
        [
            (3, 4, "5", "n’est pas un niveau de l’échelle"),
            (4, 5, "120", "hors de la plage admise [0\u202F;\u202F100]\u202F%"),
        ],
        ["texte-dans-nombre.csv"] = [(3, 5, "absent", "«\u202Fabsent\u202F» n’est pas un nombre")],
        ["tronque.csv"] = [(3, 4, null, "tronqué")],
        ["vide.csv"] = [(1, 1, null, "Le fichier est vide")],
    };

    // The corpus must not grow without its expectation.
    [Fact]
    public void Corpus_EveryFile_HasAnExpectation() =>
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(Folder(), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    private static string Folder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("ImpactEval.sln not found"), "tests", "ImpactEval.Collection.Tests", "BadFiles");
    }
}
