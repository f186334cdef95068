using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class ProtocolCommandTests
{
    // A CPO validates a draft with five distinct mistakes: all five are printed with their lines, exit code 2.
    [Fact]
    public async Task Validate_FiveErrors_PrintsAllFiveAndExitsTwo()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "Protocols", "five-errors.yaml");

        var run = await cli.RunAsync("protocol", "validate", file);

        Assert.Equal(2, run.ExitCode);
        foreach (var line in new[] { ":10:", ":13:", ":20:", ":35:", ":38:" }) Assert.Contains(line, run.Output);
        Assert.Equal(5, run.Output.Split('\n').Count(l => l.Contains(": erreur :")));
    }

    // Registering the same invalid file writes nothing to the store.
    [Fact]
    public async Task Register_InvalidProtocol_RegistersNothing()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "Protocols", "five-errors.yaml");

        var run = await cli.RunAsync("protocol", "register", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rien n'a été enregistré", run.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Protocols.CountAsync());
        Assert.Equal(0, await db.ProtocolVersions.CountAsync());
    }

    [Fact]
    public async Task Register_SameFileTwice_KeepsOneVersion()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml");

        Assert.Equal(0, (await cli.RunAsync("protocol", "register", file)).ExitCode);
        var second = await cli.RunAsync("protocol", "register", file);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("inchangé (version 1)", second.Output);
    }
}
