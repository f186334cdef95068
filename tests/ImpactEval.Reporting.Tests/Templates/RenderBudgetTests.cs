using System.Diagnostics;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

public class RenderBudgetTests
{
    /// <summary>
    /// A template with <paramref name="depth"/> nested loops over the model's tables, each on its own line, printing the
    /// innermost table's title (what a CPO writes when trying every pair, triple… of tables), or running
    /// <paramref name="body"/> instead.
    /// </summary>
    internal static string NestedLoops(int depth, string? body = null)
    {
        var lines = new List<string> { "<h1>{{ Title }}</h1>" };
        for (var i = 0; i < depth; i++) lines.Add(new string(' ', i) + $"{{% for t{i} in Tables %}}");
        lines.Add(new string(' ', depth) + (body ?? $"<p>{{{{ t{depth - 1}.Title }}}}</p>"));
        for (var i = depth - 1; i >= 0; i--) lines.Add(new string(' ', i) + "{% endfor %}");
        return string.Join('\n', lines) + "\n";
    }

    // Issue 10, break 5 (template explosion): with Handlebars, 8 nested loops over the model ran the process out of
    // memory after 89 s. Now the rendering stops at once on entering the 8th level, with a French message naming the
    // template and the line of the 8th loop. The time guard is generous: the refusal takes milliseconds.
    [Fact]
    public void Render_EightNestedLoops_RefusedAtTheEighthLoopLine()
    {
        var engine = new TemplateEngine(TemplateEngineTests.Directory(NestedLoops(8)));
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<TemplateException>(() => engine.Render("mon-rapport", SampleReports.Full()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(("mon-rapport.liquid", 9), (e.Problem.File, e.Problem.Line));
        Assert.Contains("plus de 7 niveaux imbriqués de boucles « for »", e.Message);
    }

    // Issue 10, break 5: 7 nested loops were reported valid after 11.7 s. Seven levels are within the depth limit, but
    // over the sample's tables they run past the step budget (the body prints nothing, so the output budget does not
    // stop them first): refused with the line reached.
    [Fact]
    public void Render_SevenNestedLoopsOverTables_RefusedByStepBudget()
    {
        Assert.True(SampleReports.Full().Tables.Length >= 8, "the sample must have enough tables for the loops to explode");
        var engine = new TemplateEngine(TemplateEngineTests.Directory(NestedLoops(7, "{% assign dernier = t6.Id %}")));

        var e = Assert.Throws<TemplateException>(() => engine.Render("mon-rapport", SampleReports.Full()));

        Assert.Equal("mon-rapport.liquid", e.Problem.File);
        Assert.InRange(e.Problem.Line, 2, 9);
        Assert.Contains("étapes de calcul", e.Message);
    }

    // A partial that includes itself never ends: stopped by the depth limit, at the include line of the partial.
    [Fact]
    public void Render_PartialIncludingItself_RefusedByDepth()
    {
        var dir = TemplateEngineTests.Directory("{% include 'boucle' %}");
        File.WriteAllText(Path.Combine(dir, "partials", "boucle.liquid"), "<div>\n{% include 'boucle' %}</div>");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(("partials/boucle.liquid", 2), (e.Problem.File, e.Problem.Line));
        Assert.Contains("s’inclut lui-même", e.Message);
    }

    // The output budget: a document growing past it is stopped (here a small budget on the shipped report).
    [Fact]
    public void Render_OutputOverBudget_Refused()
    {
        var engine = new TemplateEngine(Demo.TemplatesDirectory, RenderBudget.Default with { MaxOutputCharacters = 4 * 1024 * 1024 / 64 });

        var e = Assert.Throws<TemplateException>(() => engine.Render("rapport-cohorte", SampleReports.Full()));

        Assert.Contains("le document dépasserait", e.Message);
        Assert.True(e.Problem.Line > 0, e.Message);
    }

    // The time budget: a rendering whose wall time is spent stops at the next tag (here a budget of zero).
    [Fact]
    public void Render_TimeOverBudget_Refused()
    {
        var engine = new TemplateEngine(Demo.TemplatesDirectory, RenderBudget.Default with { MaxDuration = TimeSpan.Zero });

        var e = Assert.Throws<TemplateException>(() => engine.Render("fiche-territoire", SampleReports.Full()));

        Assert.Contains("rendu interrompu après 0 s", e.Message);
        Assert.Equal("fiche-territoire.liquid", e.Problem.File);
    }

    // The default budget leaves the shipped templates room on the demo-sized sample (they need depth 6).
    [Theory]
    [InlineData("rapport-cohorte")]
    [InlineData("fiche-territoire")]
    public void Render_ShippedTemplate_WithinDefaultBudget(string name)
    {
        var html = new TemplateEngine(Demo.TemplatesDirectory).Render(name, SampleReports.Full());

        Assert.Contains("</html>", html);
    }
}
