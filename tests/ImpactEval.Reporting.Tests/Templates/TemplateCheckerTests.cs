using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

public class TemplateCheckerTests
{
    // The three shipped templates render on the complete and on the minimal sample models.
    [Theory]
    [InlineData("rapport-cohorte", "rapport de cohorte")]
    [InlineData("fiche-territoire", "rapport de cohorte")]
    [InlineData("synthese-nationale", "synthèse nationale")]
    public void Check_ShippedTemplate_Valid(string name, string model)
    {
        var result = TemplateChecker.Check(Path.Combine(Demo.TemplatesDirectory, name + ".hbs"), Demo.TemplatesDirectory);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(model, result.ModelName);
    }

    // A cité copies the cohort report and makes a typo in an optional section (balance): the real data of the day
    // has no balance table, yet `impacteval template check` still finds the typo, with its line.
    [Fact]
    public void Check_TypoInOptionalSection_FoundWithLine()
    {
        var dir = Demo.TempDirectory("copie");
        var text = File.ReadAllText(Path.Combine(Demo.TemplatesDirectory, "rapport-cohorte.hbs"))
            .Replace("{{> equilibre}}", "{{#if Balance}}\n<p>{{Balance.Sumary}}</p>\n{{/if}}");
        var path = Path.Combine(dir, "ma-copie.hbs");
        File.WriteAllText(path, text);
        var expectedLine = text.Split('\n').ToList().FindIndex(l => l.Contains("Balance.Sumary")) + 1;

        var result = TemplateChecker.Check(path, Demo.TemplatesDirectory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("ma-copie.hbs", problem.File);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Equal("Sumary", problem.Field);
    }

    // An optional section used without its {{#if}} guard fails on the minimal model (where it is absent).
    [Fact]
    public void Check_UnguardedOptionalSection_Reported()
    {
        var dir = Demo.TempDirectory("garde");
        var path = Path.Combine(dir, "sans-garde.hbs");
        File.WriteAllText(path, "<p>{{Balance.Summary}}</p>");

        var result = TemplateChecker.Check(path, Demo.TemplatesDirectory);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Line == 1 && p.Message.Contains("#if"));
    }

    // A file that does not exist is a problem, not a crash.
    [Fact]
    public void Check_MissingFile_Problem()
    {
        var result = TemplateChecker.Check("/nonexistent/modele.hbs", Demo.TemplatesDirectory);

        Assert.False(result.IsValid);
        Assert.Contains("n'existe pas", result.Problems[0].Message);
    }
}
