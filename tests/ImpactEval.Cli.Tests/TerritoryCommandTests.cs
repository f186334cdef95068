using ImpactEval.Collection.Synthetic;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class TerritoryCommandTests
{
    // ANCT registers the 208 fictitious cités from the registry CSV, lists them by région and shows one cité's sheet;
    // importing the same file again changes nothing; a file with a bad label year is refused with exit code 2, its problem
    // placed at its line and column, and nothing is written.
    [Fact]
    public async Task Territory_ImportListShow_RegistersTheDemoCitesAndRefusesABadFile()
    {
        using var cli = new CliRunner();
        var cites = RevueDeProjetCampaign.Generate();
        var csv = CiteRegistry.Csv(cites);
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "registre.csv"), csv);
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "mauvais.csv"), csv.Replace(";2021;", ";2012;"));

        var bad = await cli.RunAsync("territory", "import", "mauvais.csv");
        var empty = await cli.RunAsync("territory", "list");
        var first = await cli.RunAsync("territory", "import", "registre.csv");
        var again = await cli.RunAsync("territory", "import", "registre.csv");
        var corse = await cli.RunAsync("territory", "list", "--region", "94");
        var show = await cli.RunAsync("territory", "show", cites[0].Code);
        var unknown = await cli.RunAsync("territory", "show", "CE-000-000");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("mauvais.csv refusé", bad.Output);
        Assert.Contains("colonne 8 (annee_label)\u202F: «\u202F2012\u202F» n’est pas une année de labellisation.", bad.Output);
        Assert.Contains("Aucune cité", empty.Output);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Registre importé\u202F: 208 cité(s) ajoutée(s), 0 modifiée(s), 0 inchangée(s).", first.Output);
        Assert.Contains("0 cité(s) ajoutée(s), 0 modifiée(s), 208 inchangée(s).", again.Output);
        Assert.Contains("Corse (94)", corse.Output);
        Assert.Contains("région(s)", corse.Output);
        Assert.DoesNotContain("Île-de-France", corse.Output);
        Assert.Contains(cites[0].Name, show.Output);
        Assert.Contains(cites[0].LabelYear.ToString(), show.Output);
        Assert.Equal(2, unknown.ExitCode);
    }
}
