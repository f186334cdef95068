using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

/// <summary>Hostile files through the real executable: each ends with exit code 2 and a French message, never a crash.</summary>
public class HostileInputCommandTests
{
    // Issue 10, break 5: a protocol nested ~30,000 levels (60 KB) overflowed the stack (exit 134). The process now ends
    // with exit 2 and a placed French error.
    [Fact]
    public async Task ProtocolValidate_ThirtyThousandNestedLevels_ExitTwoWithFrenchError()
    {
        using var cli = new CliRunner();
        var path = Path.Combine(cli.WorkingDirectory, "profond.yaml");
        File.WriteAllText(path, "id: profond\ntitle: x\nobjectives: " + new string('[', 30_000) + new string(']', 30_000) + "\n");

        var run = await cli.RunAsync("protocol", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("profond.yaml:3:", run.Output);
        Assert.Contains("plus de 64 niveaux", run.Output);
    }

    // Issue 10, break 5: a small .xlsx whose shared strings decompress to hundreds of megabytes needed 3.5 GB of memory.
    // The import ends with exit 2 and a French message, and nothing is written.
    [Fact]
    public async Task ImportObservations_HugeSharedStrings_ExitTwoWithFrenchMessage()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);
        var path = OversizedWorkbook.Write(strings: 30, length: 10_000_000, cli.WorkingDirectory);

        var run = await cli.RunAsync("import", "observations", "--protocol", "passerelles", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Le classeur est trop volumineux", run.Output);
        Assert.Contains("Rien n'a été importé", run.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    // Issue 10, break 14: "(Parameter 'waveCode')" was appended to the French message of an unknown wave.
    [Fact]
    public async Task Workbook_UnknownWave_FrenchMessageWithoutParameterName()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);

        var run = await cli.RunAsync("workbook", "--protocol", "passerelles", "--wave", "T9", "--out", Path.Combine(cli.WorkingDirectory, "t9.xlsx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("T9", run.Output);
        Assert.DoesNotContain("Parameter", run.Output);
    }
}
