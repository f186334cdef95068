using Xunit;

namespace ImpactEval.Cli.Tests;

public class TemplateCommandTests
{
    private static string ShippedTemplate(string name) => Path.Combine(AppContext.BaseDirectory, "templates", name + ".hbs");

    // A CPO copies the cohort report template and mistypes a field: the check names the file, the line and the field,
    // suggests the right one, and exits 2.
    [Fact]
    public async Task Check_MisspeltField_ExitTwoWithLineAndSuggestion()
    {
        using var cli = new CliRunner();
        var lines = (await File.ReadAllLinesAsync(ShippedTemplate("rapport-cohorte"))).ToList();
        var line = lines.FindIndex(l => l.Contains("<h1>{{Title}}</h1>", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("{{Title}}", "{{Titel}}", StringComparison.Ordinal);
        var copy = Path.Combine(cli.WorkingDirectory, "ma-copie.hbs");
        await File.WriteAllLinesAsync(copy, lines);

        var run = await cli.RunAsync("template", "check", copy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"ma-copie.hbs, ligne {line + 1}, colonne", run.Output);
        Assert.Contains("« Titel »", run.Output);
        Assert.Contains("Vouliez-vous dire « Title » ?", run.Output);
    }

    // A block opened and never closed is reported at the line where it opens.
    [Fact]
    public async Task Check_UnclosedBlock_ExitTwoWithLine()
    {
        using var cli = new CliRunner();
        var copy = Path.Combine(cli.WorkingDirectory, "bloc.hbs");
        await File.WriteAllTextAsync(copy, "<h1>{{Title}}</h1>\n<p>\n{{#if Balance}}<p>{{Balance.Summary}}</p>\n");

        var run = await cli.RunAsync("template", "check", copy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bloc.hbs, ligne 3", run.Output);
    }

    // The shipped templates pass the check (the national synthesis one against its own model).
    [Theory]
    [InlineData("rapport-cohorte")]
    [InlineData("fiche-territoire")]
    [InlineData("synthese-nationale")]
    public async Task Check_ShippedTemplate_ExitZero(string name)
    {
        using var cli = new CliRunner();

        var run = await cli.RunAsync("template", "check", ShippedTemplate(name));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("gabarit valide", run.Output);
    }
}
