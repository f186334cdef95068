using System.Net;
using System.Net.Sockets;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

/// <summary>Identity, erasure and store safety through the real <c>impacteval</c> executable (issue 10).</summary>
public class ParticipantCommandTests
{
    private const string Enrolments = """
        identifiant;groupe;ecole;date_inscription
        F-001;BEN;E01;03/03/2025
        F-002;EAJE;E02;04/03/2025
        F-003;ELOIGNE;E03;05/03/2025
        """;

    private static async Task<CliRunner> EnrolledAsync()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "inscriptions.csv"), Enrolments);
        Assert.Equal(0, (await cli.RunAsync("enrol", "--protocol", "passerelles", "inscriptions.csv")).ExitCode);
        return cli;
    }

    // Break 7 of issue 10: the DPO erases F-002 at the family's request; the CPO's next routine import of the enrolment
    // file is refused (exit 2) at F-002's line with the day of the erasure. After a new consent, --reinscrire enrols the
    // family again, and the audit trail says so.
    [Fact]
    public async Task Enrol_AfterErasure_RefusedUntilReinscrire()
    {
        using var cli = await EnrolledAsync();
        Assert.Equal(0, (await cli.RunAsync("participant", "erase", "-t", "CE-999-01", "--id", "F-002", "--reason", "demande de la famille", "--yes")).ExitCode);

        var refused = await cli.RunAsync("enrol", "--protocol", "passerelles", "inscriptions.csv");
        var reenrolled = await cli.RunAsync("enrol", "--protocol", "passerelles", "--reinscrire", "inscriptions.csv");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"inscriptions.csv, ligne 3, colonne 1 (identifiant)\u202F: Le participant «\u202FF-002\u202F» a été effacé le {Core.Text.FrenchDate.Format(DateOnly.FromDateTime(DateTime.UtcNow))}", refused.Output);
        Assert.Equal(0, reenrolled.ExitCode);
        Assert.Contains("1 créations", reenrolled.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "participant.reenrol"));
    }

    // Break 13 of issue 10: the access-right export holds one family's data: the file is readable by its owner only,
    // like the store it comes from.
    [Fact]
    public async Task Export_ToFile_FileAndStoreAre0600()
    {
        if (OperatingSystem.IsWindows()) return;
        using var cli = await EnrolledAsync();

        var run = await cli.RunAsync("participant", "export", "-t", "CE-999-01", "--id", "f-001", "--out", "f001.json");

        Assert.Equal(0, run.ExitCode);
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(cli.WorkingDirectory, "f001.json")));
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(cli.DataDirectory, "impacteval.db")));
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(cli.DataDirectory, "pseudonymisation.key")));
    }

    // Break 14 of issue 10: with PostgreSQL stopped, the command said "Failed to connect to 127.0.0.1:…" in English.
    [Fact]
    public async Task Import_PostgreSqlNotListening_FrenchMessageAndExit1()
    {
        using var cli = new CliRunner();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await cli.RunWithEnvironmentAsync(new Dictionary<string, string>
        {
            ["IMPACTEVAL_Store__Provider"] = "PostgreSql",
            ["IMPACTEVAL_Store__ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=impacteval;Database=impacteval;Timeout=5",
        }, "protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Impossible de joindre le serveur PostgreSQL", run.Output);
        Assert.DoesNotContain("Failed to connect", run.Output);
    }

    // Break 3 of issue 10, as it was found: two impacteval processes import the same corrected T1 file into a
    // PostgreSQL store at the same moment. One imports it; the other waits, answers "déjà importé" (exit 0) and writes
    // nothing: one set of revisions, one import record, one audit entry.
    [Fact]
    public async Task ImportObservations_TwoProcessesSameCorrectedFileOnPostgreSql_OneSetOfRevisions()
    {
        using var cli = new CliRunner();
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        var environment = new Dictionary<string, string>
        {
            ["IMPACTEVAL_Store__Provider"] = "PostgreSql",
            ["IMPACTEVAL_Store__ConnectionString"] = store.Options.ConnectionString!,
            ["IMPACTEVAL_Pseudonymisation__Key"] = Convert.ToBase64String(new byte[32]),
        };
        Assert.Equal(0, (await cli.RunWithEnvironmentAsync(environment, "protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);
        var protocol = await ProtocolAsync(store);
        var files = CohortFiles.Write(protocol, PasserelleSCohort.Generate().Participants, Path.Combine(cli.WorkingDirectory, "demo"));
        var corrected = CohortFiles.Write(protocol, PasserelleSCohort.Generate(seed: 7).Participants, Path.Combine(cli.WorkingDirectory, "corrige"));
        Assert.Equal(0, (await cli.RunWithEnvironmentAsync(environment, "enrol", "--protocol", "passerelles", files[0])).ExitCode);
        Assert.Equal(0, (await cli.RunWithEnvironmentAsync(environment, "import", "observations", "--protocol", "passerelles", files[1])).ExitCode);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            cli.RunWithEnvironmentAsync(environment, "import", "observations", "--protocol", "passerelles", corrected[1])));

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Single(runs, r => r.Output.Contains("observations-T1.csv importé"));
        Assert.Single(runs, r => r.Output.Contains("observations-T1.csv déjà importé le"));
        await using var db = await store.OpenAsync();
        var import = await db.Imports.OrderBy(i => i.Id).LastAsync();
        Assert.True(import.Updated > 1000);
        Assert.Equal(import.Updated, await db.ObservationRevisions.CountAsync());
        Assert.Equal(2, await db.Imports.CountAsync(i => i.Kind == "observations"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "import.observations"));
    }

    private static async Task<Core.Model.Protocol> ProtocolAsync(TestStore store)
    {
        await using var db = await store.OpenAsync();
        return (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value.Protocol;
    }
}
