using Xunit;

namespace ImpactEval.Cli.Tests;

public class TemplateCommandTests
{
    private static string ShippedTemplate(string name) => Path.Combine(AppContext.BaseDirectory, "templates", name + ".liquid");

    /// <summary>A template with <paramref name="depth"/> nested loops over the report's tables, one per line from line 2.</summary>
    internal static string NestedLoops(int depth) =>
        "<h1>{{ Title }}</h1>\n" +
        string.Concat(Enumerable.Range(0, depth).Select(i => $"{{% for t{i} in Tables %}}\n")) +
        $"<p>{{{{ t{depth - 1}.Title }}}}</p>\n" +
        string.Concat(Enumerable.Repeat("{% endfor %}\n", depth));

    // A CPO copies the cohort report template and mistypes a field: the check names the file, the line and the field,
    // suggests the right one, and exits 2.
    [Fact]
    public async Task Check_MisspeltField_ExitTwoWithLineAndSuggestion()
    {
        using var cli = new CliRunner();
        var lines = (await File.ReadAllLinesAsync(ShippedTemplate("rapport-cohorte"))).ToList();
        var line = lines.FindIndex(l => l.Contains("<h1>{{ Title }}</h1>", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("{{ Title }}", "{{ Titel }}", StringComparison.Ordinal);
        var copy = Path.Combine(cli.WorkingDirectory, "ma-copie.liquid");
        await File.WriteAllLinesAsync(copy, lines);

        var run = await cli.RunAsync("template", "check", copy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"ma-copie.liquid, ligne {line + 1}, colonne 7 : le champ « Titel » n’existe pas", run.Output);
        Assert.Contains("Vouliez-vous dire « Title » ?", run.Output);
    }

    // A block opened and never closed is reported at the line where it opens.
    [Fact]
    public async Task Check_UnclosedBlock_ExitTwoWithLine()
    {
        using var cli = new CliRunner();
        var copy = Path.Combine(cli.WorkingDirectory, "bloc.liquid");
        await File.WriteAllTextAsync(copy, "<h1>{{ Title }}</h1>\n<p>\n{% if Balance %}<p>{{ Balance.Summary }}</p>\n");

        var run = await cli.RunAsync("template", "check", copy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bloc.liquid, ligne 3, colonne 1 : le bloc « if » n’est jamais fermé", run.Output);
    }

    // Issue 10, break 5 (template explosion): 8 nested loops over the model ran the Handlebars check out of memory; the
    // check now refuses them at once, with the template and the line of the 8th loop, and exits 2.
    [Fact]
    public async Task Check_EightNestedLoops_ExitTwoWithLineOfTheEighth()
    {
        using var cli = new CliRunner();
        var copy = Path.Combine(cli.WorkingDirectory, "huit-boucles.liquid");
        await File.WriteAllTextAsync(copy, NestedLoops(8));

        var run = await cli.RunAsync("template", "check", copy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("huit-boucles.liquid, ligne 9, colonne 1 : rendu interrompu : plus de 7 niveaux imbriqués", run.Output);
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
