using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class ImportCommandTests
{
    private static async Task<CliRunner> RegisteredAsync()
    {
        var cli = new CliRunner();
        var run = await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"));
        Assert.Equal(0, run.ExitCode);
        return cli;
    }

    private const string Enrolments = """
        identifiant;groupe;ecole;date_inscription;AGE_MOIS;FRANCAIS_MAISON
        F-001;BEN;E01;03/03/2025;36,5;oui
        F-002;EAJE;E02;04/03/2025;40;non
        F-003;ELOIGNE;E03;2025-03-05;35;1
        """;

    // A partner sends a file whose third row has a rating outside the scale: nothing is imported, and the
    // message names the row and the column.
    [Fact]
    public async Task ImportObservations_OneBadRow_ImportsNothingAndNamesRowAndColumn()
    {
        using var cli = await RegisteredAsync();
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "inscriptions.csv"), Enrolments);
        Assert.Equal(0, (await cli.RunAsync("enrol", "--protocol", "passerelles", "inscriptions.csv")).ExitCode);
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "t1.csv"), """
            identifiant;vague;date_collecte;COOP_PROPRETE;ASSIDUITE
            F-001;T1;10/10/2025;Très impliqué;92,5
            F-002;T1;11/10/2025;5;88
            F-003;T1;12/10/2025;2;75
            """);

        var run = await cli.RunAsync("import", "observations", "--protocol", "passerelles", "t1.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("t1.csv, ligne 3, colonne 4 (COOP_PROPRETE)", run.Output);
        Assert.Contains("Rien n'a été importé", run.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    // The same good file sent twice (a partner re-sends it by mistake): the data stays exactly the same.
    [Fact]
    public async Task ImportObservations_SameFileTwice_LeavesSameData()
    {
        using var cli = await RegisteredAsync();
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "inscriptions.csv"), Enrolments);
        Assert.Equal(0, (await cli.RunAsync("enrol", "--protocol", "passerelles", "inscriptions.csv")).ExitCode);
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "t1.csv"), """
            identifiant;vague;date_collecte;COOP_PROPRETE;ASSIDUITE
            F-001;T1;10/10/2025;Très impliqué;92,5
            F-002;T1;11/10/2025;3;88
            """);

        Assert.Equal(0, (await cli.RunAsync("import", "observations", "--protocol", "passerelles", "t1.csv")).ExitCode);
        var before = await SnapshotAsync(cli);
        var second = await cli.RunAsync("import", "observations", "--protocol", "passerelles", "t1.csv");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("t1.csv déjà importé le", second.Output);
        Assert.Equal(before, await SnapshotAsync(cli));
        Assert.Equal(4, before.Count);
    }

    private static async Task<List<string>> SnapshotAsync(CliRunner cli)
    {
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        return await db.Observations.OrderBy(o => o.Id).Select(o => $"{o.Id}|{o.EnrolmentId}|{o.WaveId}|{o.IndicatorId}|{o.Value}|{o.CollectedOn}|{o.UpdatedAt}").ToListAsync();
    }
}
