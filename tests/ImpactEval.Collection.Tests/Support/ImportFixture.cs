using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Support;

/// <summary>
/// A real SQLite store with the PasserelleS protocol registered and some participants enrolled (through the
/// enrolment importer, from a CSV file as a cité sends it), ready for observation imports.
/// </summary>
public sealed class ImportFixture : IAsyncDisposable
{
    /// <summary>A fixed pseudonymisation key for the tests (32 bytes).</summary>
    internal static readonly Pseudonymiser Pseudonymiser = new(PseudonymKey.FromBase64(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()), "tests"));

    private ImportFixture(TestStore store, ImpactEvalDbContext db, Protocol protocol)
    {
        Store = store;
        Db = db;
        Protocol = protocol;
    }

    /// <summary>The store.</summary>
    public TestStore Store { get; }

    /// <summary>An open context on the store.</summary>
    public ImpactEvalDbContext Db { get; }

    /// <summary>The PasserelleS protocol as loaded from protocols/passerelles.yaml.</summary>
    public Protocol Protocol { get; }

    /// <summary>The PasserelleS protocol shipped with the repository.</summary>
    public static Protocol LoadPasserelleS()
    {
        var loaded = ProtocolLoader.LoadFile(ProtocolPath);
        return loaded.Protocol ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
    }

    /// <summary>Path of protocols/passerelles.yaml copied next to the tests.</summary>
    public static string ProtocolPath => Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml");

    /// <summary>Creates the store, registers PasserelleS and enrols <paramref name="identifiers"/> (group BEN, school E01).</summary>
    public static async Task<ImportFixture> CreateAsync(params string[] identifiers)
    {
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var db = await store.OpenAsync();
        var outcome = await new ProtocolRegistry(db).RegisterFileAsync(ProtocolPath, "tests");
        Assert.Equal(RegistrationStatus.Created, outcome.Status);
        var fixture = new ImportFixture(store, db, LoadPasserelleS());
        if (identifiers.Length > 0)
        {
            var csv = new StringBuilder("identifiant;groupe;ecole;date_inscription\n");
            foreach (var id in identifiers) csv.Append(id).Append(";BEN;E01;15/04/2025\n");
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            var result = await fixture.Enrolments().ImportAsync(fixture.Protocol, stream, "inscriptions.csv", new ImportOptions("tests"));
            Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        }
        return fixture;
    }

    /// <summary>A new enrolment importer on the store.</summary>
    public EnrolmentImporter Enrolments() => new(Db, Pseudonymiser);

    /// <summary>A new observation importer on the store.</summary>
    public ObservationImporter Observations() => new(Db, Pseudonymiser);

    /// <summary>Imports a file from disk as observations.</summary>
    public async Task<ImportResult> ImportObservationsAsync(string path, ImportOptions? options = null)
    {
        await using var stream = File.OpenRead(path);
        return await Observations().ImportAsync(Protocol, stream, Path.GetFileName(path), options ?? new ImportOptions("tests"));
    }

    /// <summary>Every stored observation as (identifier's pseudonym, wave, indicator) → (value, collection date).</summary>
    public async Task<Dictionary<(string Identifier, string Wave, string Indicator), (double Value, DateOnly? CollectedOn)>> ObservationsAsync(params string[] identifiers)
    {
        var territory = Protocol.TerritoryCode;
        var byPseudonym = identifiers.ToDictionary(id => Pseudonymiser.Pseudonym(territory, id));
        var rows = await (
            from o in Db.Observations.AsNoTracking()
            join e in Db.Enrolments on o.EnrolmentId equals e.Id
            join p in Db.Participants on e.ParticipantId equals p.Id
            join w in Db.Waves on o.WaveId equals w.Id
            join i in Db.Indicators on o.IndicatorId equals i.Id
            select new { p.Pseudonym, Wave = w.Code, Indicator = i.Code, o.Value, o.CollectedOn }).ToListAsync();
        return rows.ToDictionary(r => (byPseudonym.TryGetValue(r.Pseudonym, out var id) ? id : r.Pseudonym, r.Wave, r.Indicator), r => (r.Value, r.CollectedOn));
    }

    /// <summary>How many observations and imports are stored.</summary>
    public async Task<(int Observations, int Imports)> CountsAsync() => (await Db.Observations.CountAsync(), await Db.Imports.CountAsync(i => i.Kind == "observations"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Store.DisposeAsync();
    }
}
