using System.Net;
using System.Text.RegularExpressions;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

public class TemplateEngineTests
{
    /// <summary>A templates directory holding a copy of the shipped partials and one template with the given text.</summary>
    private static string Directory(string templateText, string name = "mon-rapport")
    {
        var dir = Demo.TempDirectory("modeles");
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "partials"));
        foreach (var partial in System.IO.Directory.GetFiles(Path.Combine(Demo.TemplatesDirectory, "partials")))
            File.Copy(partial, Path.Combine(dir, "partials", Path.GetFileName(partial)));
        File.WriteAllText(Path.Combine(dir, name + ".hbs"), templateText);
        return dir;
    }

    // A CPO edits a copy of the report and types "Titel" for "Title" on line 3: the error names the file, the line and the
    // field, and suggests the right name — never a silently empty report.
    [Fact]
    public void Render_MisspeltField_ErrorNamesTemplateLineAndField()
    {
        var dir = Directory("<h1>Rapport</h1>\n<p>Cité : {{Territory.Name}}</p>\n<p>{{Titel}}</p>\n");
        var engine = new TemplateEngine(dir);

        var e = Assert.Throws<TemplateException>(() => engine.Render("mon-rapport", SampleReports.Full()));

        Assert.Equal("mon-rapport.hbs", e.Problem.File);
        Assert.Equal(3, e.Problem.Line);
        Assert.Equal(4, e.Problem.Column);
        Assert.Equal("Titel", e.Problem.Field);
        Assert.Contains("Vouliez-vous dire « Title » ?", e.Message);
        Assert.StartsWith("mon-rapport.hbs, ligne 3, colonne 4 :", e.Message);
    }

    // A typo inside a loop over the contrasts (field of a nested record).
    [Fact]
    public void Render_MisspeltNestedField_LineOfTheLoopBody()
    {
        var dir = Directory("{{#each Analyses}}\n  {{#each Contrasts}}\n    {{Interpretaton}}\n  {{/each}}\n{{/each}}\n");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(3, e.Problem.Line);
        Assert.Equal("Interpretaton", e.Problem.Field);
        Assert.Contains("« Interpretation »", e.Message);
    }

    // An unknown helper ("nombr" for "nombre") is named with its line and the list of helpers.
    [Fact]
    public void Render_UnknownHelper_ErrorListsHelpers()
    {
        var dir = Directory("<p>\n{{nombr Generation.Participants 0}}\n</p>");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("nombr", e.Problem.Field);
        Assert.Contains("Helpers disponibles : nombre", e.Message);
    }

    // A partial that does not exist ("{{> tablo}}") is named with its line.
    [Fact]
    public void Render_MissingPartial_ErrorNamesPartial()
    {
        var dir = Directory("<div>\n  {{#with Flow.Table}}{{> tablo}}{{/with}}\n</div>");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("tablo", e.Problem.Field);
        Assert.Contains("partials/tablo.hbs", e.Message);
    }

    // A block opened on line 2 and never closed.
    [Fact]
    public void Render_UnclosedBlock_ErrorNamesOpeningLine()
    {
        var dir = Directory("<ul>\n{{#each Limitations}}<li>{{this}}</li>\n</ul>");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("each", e.Problem.Field);
        Assert.Contains("n'est jamais fermé", e.Message);
    }

    // The French helpers on raw numbers of the model.
    [Fact]
    public void Render_FrenchHelpers_FormatNumbersDatesIntervalsPValues()
    {
        var dir = Directory("{{nombre 1234.5 1}}|{{entier 1234}}|{{pourcentage 0.123}}|{{date Generation.GeneratedAt}}|{{intervalle 0.42 0.11 0.73}}|{{valeur_p 0.0004}}");

        var html = new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full());

        Assert.Equal("1 234,5|1 234|12,3 %|22 novembre 2026|0,42 [0,11 ; 0,73]|p &lt; 0,001", html.Replace('\u00A0', ' '));
    }

    // A helper given text instead of a number says so, with its line.
    [Fact]
    public void Render_HelperOnText_ErrorNamesHelper()
    {
        var dir = Directory("\n\n{{pourcentage Title}}");

        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full()));

        Assert.Equal(3, e.Problem.Line);
        Assert.Contains("attend un nombre", e.Message);
    }

    // Labels typed by users are escaped: a group called "<script>" cannot inject markup.
    [Fact]
    public void Render_LabelWithMarkup_Escaped()
    {
        var dir = Directory("{{#each Protocol.Groups}}{{Label}}{{/each}}");
        var model = SampleReports.Full();
        model = model with { Protocol = model.Protocol with { Groups = [model.Protocol.Groups[0] with { Label = "<script>alert(1)</script>" }] } };

        var html = new TemplateEngine(dir).Render("mon-rapport", model);

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    // The shipped "tableau" partial: the table's id is kept apart from the section ids ("tableau-…"); a coded cell shows
    // its code with the label as hover text, spelt out under the table for print; a sentence column gets no column of its
    // own but a line under its row spanning the others.
    [Fact]
    public void Render_TableauPartial_CodesSpeltOutSentenceUnderItsRow()
    {
        var dir = Directory("{{#with Analyses.[0].Table}}{{> tableau}}{{/with}}");
        var model = SampleReports.Full();
        var table = model.Analyses[0].Table;

        var html = new TemplateEngine(dir).Render("mon-rapport", model);

        Assert.StartsWith($"<table id=\"tableau-{table.Id}\">", html);
        Assert.Equal(table.GridColumnCount, Regex.Matches(html, "<th scope=\"col\"").Count);
        Assert.DoesNotContain(">Lecture</th>", html);
        Assert.Equal(table.Rows.Length, Regex.Matches(html, $"<tr class=\"phrase\"><td colspan=\"{table.GridColumnCount}\">").Count);
        var comparison = table.Rows[0].Cells[1].Abbreviation!;
        var hover = Regex.Match(html, $"<td><abbr title=\"([^\"]*)\">{comparison.Short}</abbr></td>");
        Assert.Equal(comparison.Meaning, WebUtility.HtmlDecode(hover.Groups[1].Value));
        Assert.Contains($"<abbr>{comparison.Short}</abbr> : ", Regex.Match(html, "<p class=\"note legende\">.*?</p>").Value);
    }

    // The template name is looked up in the directory; an unknown one lists those available.
    [Fact]
    public void Render_UnknownTemplate_ListsAvailable()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new TemplateEngine(Demo.TemplatesDirectory).Render("rapport-cohort", SampleReports.Full()));

        Assert.Contains("rapport-cohorte", e.Message);
        Assert.Contains("fiche-territoire", e.Message);
    }
}
