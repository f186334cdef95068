using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Tests.Properties;

/// <summary>Row order does not change what is stored: the demo's enrolment and T1 files, rows shuffled, store the same data.</summary>
public class ImportOrderPropertyTests
{
    private static readonly Pseudonymiser Pseudonymiser = new(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));

    private static readonly Lazy<(string Enrolments, string Observations)> Files = new(() =>
    {
        var directory = Support.TempDirectory.Create();
        var files = CohortFiles.Write(Support.ImportFixture.LoadPasserelleS(), PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 40).Participants, directory);
        return (File.ReadAllText(files[0]), File.ReadAllText(files.Single(f => f.EndsWith("observations-T1.csv", StringComparison.Ordinal))));
    });

    private static readonly Lazy<Task<string>> InOrder = new(() => StoreAsync(Files.Value.Enrolments, Files.Value.Observations));

    // Each case imports both files into a fresh SQLite store (a few per run: each takes a few hundred milliseconds).
    [Property(MaxTest = 6)]
    public Property ShuffledRows_StoreTheSameData() => Prop.ForAll(Shuffled().ToArbitrary(), files =>
    {
        var inOrder = InOrder.Value.GetAwaiter().GetResult();
        return inOrder != "refused" && inOrder.Contains(";T1;COOP_PROPRETE;") && StoreAsync(files.Enrolments, files.Observations).GetAwaiter().GetResult() == inOrder;
    });

    private static Gen<(string Enrolments, string Observations)> Shuffled() =>
        from enrolments in Gen.Shuffle(Rows(Files.Value.Enrolments))
        from observations in Gen.Shuffle(Rows(Files.Value.Observations))
        select (Header(Files.Value.Enrolments) + string.Concat(enrolments), Header(Files.Value.Observations) + string.Concat(observations));

    private static string Header(string text) => text[..(text.IndexOf('\n') + 1)];

    private static string[] Rows(string text) => [.. text[(text.IndexOf('\n') + 1)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n")];

    /// <summary>Imports both files into a fresh store and describes what is stored, without surrogate keys or timestamps.</summary>
    private static async Task<string> StoreAsync(string enrolments, string observations)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();
        await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        var (protocol, _) = (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value;
        var enrolled = await new EnrolmentImporter(db, Pseudonymiser).ImportAsync(protocol, CohortFixture.Csv(enrolments), "inscriptions.csv", new ImportOptions("tests"));
        var observed = await new ObservationImporter(db, Pseudonymiser).ImportAsync(protocol, CohortFixture.Csv(observations), "T1.csv", new ImportOptions("tests"));
        if (!enrolled.Accepted || !observed.Accepted) return "refused";
        var people = await db.Enrolments.AsNoTracking()
            .Select(e => new { e.Participant!.Pseudonym, Group = e.Group!.Code, e.ClusterCode, e.EnrolledOn, e.Reason, e.Status, Baseline = e.Baseline.Select(b => b.CovariateCode + "=" + b.Value).ToList() })
            .ToListAsync();
        var values = await (from o in db.Observations.AsNoTracking()
                            join e in db.Enrolments on o.EnrolmentId equals e.Id
                            join w in db.Waves on o.WaveId equals w.Id
                            join i in db.Indicators on o.IndicatorId equals i.Id
                            select new { e.Participant!.Pseudonym, Wave = w.Code, Indicator = i.Code, o.Value, o.CollectedOn }).ToListAsync();
        return string.Join("\n", people.Select(p => $"{p.Pseudonym};{p.Group};{p.ClusterCode};{p.EnrolledOn};{p.Reason};{p.Status};{string.Join(',', p.Baseline.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join("\n", values.Select(v => $"{v.Pseudonym};{v.Wave};{v.Indicator};{v.Value:R};{v.CollectedOn}").Order(StringComparer.Ordinal))
            + $"\n--\n{await db.Participants.CountAsync()} {await db.ObservationRevisions.CountAsync()}";
    }
}
