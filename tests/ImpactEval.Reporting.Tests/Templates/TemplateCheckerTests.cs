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
        var result = TemplateChecker.Check(Path.Combine(Demo.TemplatesDirectory, name + ".liquid"), Demo.TemplatesDirectory);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(model, result.ModelName);
    }

    // A cité copies the cohort report and makes a typo in an optional section (balance): the real data of the day
    // has no balance table, yet `impacteval template check` still finds the typo, with its line.
    [Fact]
    public void Check_TypoInOptionalSection_FoundWithLine()
    {
        var dir = Demo.TempDirectory("copie");
        var text = File.ReadAllText(Path.Combine(Demo.TemplatesDirectory, "rapport-cohorte.liquid"))
            .Replace("{% include 'equilibre' -%}", "{% if Balance %}\n<p>{{ Balance.Sumary }}</p>\n{% endif %}");
        var path = Path.Combine(dir, "ma-copie.liquid");
        File.WriteAllText(path, text);
        var expectedLine = text.Split('\n').ToList().FindIndex(l => l.Contains("Balance.Sumary")) + 1;

        var result = TemplateChecker.Check(path, Demo.TemplatesDirectory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("ma-copie.liquid", problem.File);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Equal("Sumary", problem.Field);
    }

    // An optional section used without its {% if %} guard fails on the minimal model (where it is absent).
    [Fact]
    public void Check_UnguardedOptionalSection_Reported()
    {
        var dir = Demo.TempDirectory("garde");
        var path = Path.Combine(dir, "sans-garde.liquid");
        File.WriteAllText(path, "<p>{{ Balance.Summary }}</p>");

        var result = TemplateChecker.Check(path, Demo.TemplatesDirectory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, 4, "Balance"), (problem.Line, problem.Column, problem.Field));
        Assert.Contains("{% if Balance %}", problem.Message);
    }

    // Fluid prints nothing for an unknown field; the check reports every one of them, each with its line, not only the first.
    [Fact]
    public void Check_SeveralUnknownFields_EachReportedWithItsLine()
    {
        var dir = Demo.TempDirectory("inconnus");
        var path = Path.Combine(dir, "coquilles.liquid");
        File.WriteAllText(path, "<h1>{{ Titel }}</h1>\n<p>{{ Territory.Nom }}</p>\n{% for groupe in Protocol.Groups %}{{ groupe.Libelle }}{% endfor %}\n");

        var result = TemplateChecker.Check(path, Demo.TemplatesDirectory);

        Assert.Equal([("Titel", 1), ("Nom", 2), ("Libelle", 3)], result.Problems.Select(p => (p.Field!, p.Line)));
        Assert.All(result.Problems, p => Assert.Contains("n’existe pas", p.Message));
    }

    // A file that does not exist is a problem, not a crash.
    [Fact]
    public void Check_MissingFile_Problem()
    {
        var result = TemplateChecker.Check("/nonexistent/modele.liquid", Demo.TemplatesDirectory);

        Assert.False(result.IsValid);
        Assert.Contains("n’existe pas", result.Problems[0].Message);
    }
}
