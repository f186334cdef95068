using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Corpus;

/// <summary>
/// The generated corpus of bad files (<see cref="BadFileCorpus"/>, issue 10) through the enrolment, observation and
/// values importers, on a store that already holds the demo's files: every file is refused (the CLI's exit code 2),
/// nothing is written (row count and content hash of every table unchanged), and a French problem names the file,
/// the damaged line and a column.
/// </summary>
public class BadFileCorpusTests
{
    private static readonly Pseudonymiser Pseudonymiser = new(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));

    private static readonly string[] English = [" the ", " is ", "expected", "invalid", "error", "exception", "parameter", "unexpected", "could not"];

    private static readonly string[] French = ["’", "«", " est ", " de ", " la ", " le ", " du ", " des ", " une ", " un "];

    // The corpus has at least 25 kinds of damage, and each kind gives at least one file.
    [Fact]
    public void Generate_DemoFiles_AtLeastTwentyFiveKinds()
    {
        var files = BadFileCorpus.Generate(BadFileCorpus.Demo());

        Assert.True(BadFileCorpus.Kinds >= 25);
        Assert.Equal(BadFileCorpus.Kinds, files.Select(f => f.Kind).Distinct().Count());
        Assert.Equal(files.Count, files.Select(f => f.Name).Distinct().Count());
        Assert.All(Enum.GetValues<CorpusImport>(), import => Assert.True(files.Count(f => f.Import == import) >= 25));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_EveryCorpusFile_RefusedPlacedInFrenchAndNothingWritten(StoreProvider provider)
    {
        var sources = BadFileCorpus.Demo();
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        var (protocol, _) = (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value;
        foreach (var (import, text) in new[] { (CorpusImport.Enrolments, sources.Enrolments), (CorpusImport.Observations, sources.Observations), (CorpusImport.Values, sources.Values) })
        {
            var result = await ImportAsync(db, protocol, import, CohortFixture.Csv(text), $"{import}.csv");
            Assert.True(result.Accepted && result.Written, string.Join("\n", result.Problems));
        }

        var failures = new List<string>();
        foreach (var file in BadFileCorpus.Generate(sources))
        {
            var before = await StoreContent.ReadAsync(db);
            using var stream = new MemoryStream(file.Bytes);
            var result = await ImportAsync(db, protocol, file.Import, stream, file.Name);
            var after = await StoreContent.ReadAsync(db);
            if (result.Accepted || result.Written) failures.Add($"{file}: accepted");
            if (!before.SameAs(after)) failures.Add($"{file}: tables changed: {before.DifferencesFrom(after)}");
            var placed = result.Problems.FirstOrDefault(p => p.File == file.Name && p.Line == file.Line && p.Column is >= 1);
            if (placed is null) failures.Add($"{file}: no problem at line {file.Line} with a column; got {string.Join(" | ", result.Problems.Take(3))}");
            else
            {
                var text = placed.ToString();
                if (!text.StartsWith($"{file.Name}, ligne {file.Line}, colonne ", StringComparison.Ordinal)) failures.Add($"{file}: place not named: {text}");
                if (!French.Any(w => text.Contains(w, StringComparison.Ordinal)) || English.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    failures.Add($"{file}: not French: {text}");
                if (text.Length > 2_000) failures.Add($"{file}: message of {text.Length} characters");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Task<ImportResult> ImportAsync(ImpactEvalDbContext db, Core.Model.Protocol protocol, CorpusImport import, Stream stream, string name) => import switch
    {
        CorpusImport.Enrolments => new EnrolmentImporter(db, Pseudonymiser).ImportAsync(protocol, stream, name, new ImportOptions("tests")),
        CorpusImport.Observations => new ObservationImporter(db, Pseudonymiser).ImportAsync(protocol, stream, name, new ImportOptions("tests")),
        _ => new AggregateValueImporter(db).ImportAsync(protocol, stream, name, new ImportOptions("tests")),
    };
}
