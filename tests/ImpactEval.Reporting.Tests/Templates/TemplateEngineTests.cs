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
    internal static string Directory(string templateText, string name = "mon-rapport")
    {
        var dir = Demo.TempDirectory("modeles");
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "partials"));
        foreach (var partial in System.IO.Directory.GetFiles(Path.Combine(Demo.TemplatesDirectory, "partials")))
            File.Copy(partial, Path.Combine(dir, "partials", Path.GetFileName(partial)));
        File.WriteAllText(Path.Combine(dir, name + ".liquid"), templateText);
        return dir;
    }

    private static TemplateException Refused(string templateText, object? model = null) =>
        Assert.Throws<TemplateException>(() => new TemplateEngine(Directory(templateText)).Render("mon-rapport", model ?? SampleReports.Full()));

    // A CPO edits a copy of the report and types "Titel" for "Title" on line 3: the error names the file, the line and the
    // field, and suggests the right name — never a silently empty report (Fluid alone prints nothing for it).
    [Fact]
    public void Render_MisspeltField_ErrorNamesTemplateLineAndField()
    {
        var e = Refused("<h1>Rapport</h1>\n<p>Cité : {{ Territory.Name }}</p>\n<p>{{ Titel }}</p>\n");

        Assert.Equal("mon-rapport.liquid", e.Problem.File);
        Assert.Equal((3, 4), (e.Problem.Line, e.Problem.Column));
        Assert.Equal("Titel", e.Problem.Field);
        Assert.Contains("Vouliez-vous dire « Title » ?", e.Message);
        Assert.StartsWith("mon-rapport.liquid, ligne 3, colonne 4 :", e.Message);
    }

    // A typo inside a loop over the contrasts (field of a nested record): the line of the loop body, and a suggestion
    // taken from the record the loop variable holds.
    [Fact]
    public void Render_MisspeltNestedField_LineOfTheLoopBody()
    {
        var e = Refused("{% for analyse in Analyses %}\n  {% for contraste in analyse.Contrasts %}\n    {{ contraste.Interpretaton }}\n  {% endfor %}\n{% endfor %}\n");

        Assert.Equal((3, 5), (e.Problem.Line, e.Problem.Column));
        Assert.Equal("Interpretaton", e.Problem.Field);
        Assert.Contains("« Interpretation »", e.Message);
    }

    // An unknown filter ("nombr" for "nombre") is named with its line, whatever the data (Fluid alone would print the
    // value unformatted).
    [Fact]
    public void Render_UnknownFilter_ErrorSuggestsFilter()
    {
        var e = Refused("<p>\n{{ Generation.Participants | nombr: 0 }}\n</p>");

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("nombr", e.Problem.Field);
        Assert.Contains("Vouliez-vous dire « nombre » ?", e.Message);
    }

    // A partial that does not exist ("tablo") is named with its line and the file it would be.
    [Fact]
    public void Render_MissingPartial_ErrorNamesPartial()
    {
        var e = Refused("<div>\n  {% include 'tablo' with Flow.Table %}\n</div>");

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("tablo", e.Problem.Field);
        Assert.Contains("partials/tablo.liquid", e.Message);
    }

    // A block opened on line 2 and never closed.
    [Fact]
    public void Render_UnclosedBlock_ErrorNamesOpeningLine()
    {
        var e = Refused("<ul>\n{% for limite in Limitations %}<li>{{ limite }}</li>\n</ul>");

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal("for", e.Problem.Field);
        Assert.Contains("n’est jamais fermé : ajoutez « {% endfor %} »", e.Message);
    }

    // Tags Scriban's Liquid mode does not read are refused with the form to use instead: render (include), the named
    // parameters of include, Fluid's own operators and tags.
    [Theory]
    [InlineData("{% render 'secret' %}", "render", "{% include 'nom' %}")]
    [InlineData("{% include 'tableau', tableau: Flow.Table %}", "include", "sans paramètres nommés")]
    [InlineData("{% if Title startswith 'R' %}x{% endif %}", "startswith", "contains")]
    [InlineData("{% liquid echo Title %}", "liquid", "Balises disponibles")]
    [InlineData("{% echo Title %}", "echo", "Balises disponibles")]
    public void Render_OutsideScribanSubset_RefusedWithHint(string line, string field, string hint)
    {
        var e = Refused("<p>\n" + line + "\n</p>");

        Assert.Equal((2, field), (e.Problem.Line, e.Problem.Field));
        Assert.Contains(hint, e.Message);
    }

    // A syntax error Fluid finds is placed where the author wrote it (the place markers the engine adds do not shift it).
    [Fact]
    public void Render_FilterArgumentWithoutColon_SyntaxErrorPlaced()
    {
        var e = Refused("<p>ok</p>\n<p>{{ Generation.Participants | nombre 0 }}</p>");

        Assert.Equal(2, e.Problem.Line);
        Assert.Contains("« | nom: 1, 2 »", e.Message);
    }

    // The French filters on raw numbers and dates: non-breaking spaces as thousands separator and before % and ;, decimal
    // comma, "n.d." for a missing value; negative numbers exactly as the model's own fields write them (French.Number).
    [Fact]
    public void Render_FrenchFilters_FormatNumbersDatesIntervalsPValues()
    {
        var dir = Directory("{{ 1234.5 | nombre: 1 }}|{{ 1234 | entier }}|{{ 0.123 | pourcentage }}|{{ Generation.GeneratedAt | date_fr }}|" +
                            "{{ 0.42 | intervalle: 0.11, 0.73 }}|{{ 0.0004 | valeur_p }}|{{ -0.25 | nombre: 2 }}|{{ 0.5 | pourcentage: 0 }}|{{ Protocol.Cluster | nombre }}");

        var html = new TemplateEngine(dir).Render("mon-rapport", SampleReports.Minimal());

        Assert.Equal($"1\u00A0234,5|1\u00A0234|12,3\u00A0%|22 novembre 2026|0,42\u00A0[0,11\u00A0;\u00A00,73]|p\u00A0&lt;\u00A00,001|{ImpactEval.Reporting.Formatting.French.Number(-0.25, 2)}|50\u00A0%|n.d.", html);
    }

    // A filter given text instead of a number says so, with its line.
    [Fact]
    public void Render_FilterOnText_ErrorNamesFilter()
    {
        var e = Refused("\n\n{{ Title | pourcentage }}");

        Assert.Equal((3, "pourcentage"), (e.Problem.Line, e.Problem.Field));
        Assert.Contains("attend un nombre", e.Message);
    }

    // A filter given too many arguments (the number of decimals only) says so.
    [Fact]
    public void Render_FilterWithTooManyArguments_ErrorNamesFilter()
    {
        var e = Refused("{{ 0.5 | nombre: 1, 2 }}");

        Assert.Equal("nombre", e.Problem.Field);
        Assert.Contains("au plus 1 argument", e.Message);
    }

    // Labels typed by users are escaped: a group called "<script>" cannot inject markup. Only the model's own SVG is
    // printed raw (the "raw" filter of the graphique partial).
    [Fact]
    public void Render_LabelWithMarkup_Escaped()
    {
        var dir = Directory("{% for groupe in Protocol.Groups %}{{ groupe.Label }}{% endfor %}|{{ \"<b>\" | raw }}");
        var model = SampleReports.Full();
        model = model with { Protocol = model.Protocol with { Groups = [model.Protocol.Groups[0] with { Label = "<script>alert('1')</script>" }] } };

        var html = new TemplateEngine(dir).Render("mon-rapport", model);

        Assert.Equal("&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;|<b>", html);
    }

    // The member-access allow-list: a template reaches the model's records only; a string's or a date's own .NET members
    // (Length, Ticks) are not reflected on — they print nothing, like any value Liquid does not know.
    [Fact]
    public void Render_DotNetMembersOfValues_NotReachable()
    {
        var dir = Directory("[{{ Title.Length }}][{{ Generation.GeneratedAt.Ticks }}][{{ Title.size }}]");

        var html = new TemplateEngine(dir).Render("mon-rapport", SampleReports.Full());

        Assert.Equal($"[][][{SampleReports.Full().Title.Length}]", html);
    }

    // Only report models can be rendered: no other .NET object is handed to a template.
    [Fact]
    public void Render_OtherObjectAsModel_Refused()
    {
        var engine = new TemplateEngine(Directory("{{ Name }}"));

        Assert.Throws<ArgumentException>(() => engine.Render("mon-rapport", new DirectoryInfo("/tmp")));
    }

    // A section printed whole (not one of its fields) is an error with the field names to choose from.
    [Fact]
    public void Render_SectionPrintedWhole_ErrorListsItsFields()
    {
        var e = Refused("\n{{ Generation }}");

        Assert.Equal(2, e.Problem.Line);
        Assert.Contains("pas un texte", e.Message);
        Assert.Contains("GeneratedAtText", e.Message);
    }

    // An optional section absent from these results (Balance in the minimal sample) can be tested and skipped, prints
    // nothing and gives n.d. through a filter; reading a field inside it without the test is an error.
    [Fact]
    public void Render_AbsentSection_TestableButNotEnteredUnguarded()
    {
        var dir = Directory("[{% if Balance %}oui{% else %}non{% endif %}][{{ Balance }}][{% unless Power %}sans{% endunless %}]");

        Assert.Equal("[non][][sans]", new TemplateEngine(dir).Render("mon-rapport", SampleReports.Minimal()));
        var e = Refused("<p>\n{{ Balance.Summary }}</p>", SampleReports.Minimal());
        Assert.Equal((2, "Balance"), (e.Problem.Line, e.Problem.Field));
        Assert.Contains("{% if Balance %}", e.Message);
    }

    // The shipped "tableau" partial, included with its table: the table's id is kept apart from the section ids
    // ("tableau-…"); a coded cell shows its code with the label as hover text, spelt out under the table for print; a
    // sentence column gets no column of its own but a line under its row spanning the others.
    [Fact]
    public void Render_TableauPartial_CodesSpeltOutSentenceUnderItsRow()
    {
        var dir = Directory("{% include 'tableau' with Analyses[0].Table %}");
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

    // Partials: "include 'nom' for liste" renders the partial once per element; a template's own partials/ folder comes
    // before the templates directory's (a cité overrides one partial and keeps the others).
    [Fact]
    public void Render_OwnPartialFirstAndIncludeFor_PartialsFound()
    {
        var shared = Directory("unused");
        var copy = Demo.TempDirectory("copie-partiels");
        System.IO.Directory.CreateDirectory(Path.Combine(copy, "partials"));
        File.WriteAllText(Path.Combine(copy, "partials", "secret.liquid"), "<p class=\"notre-secret\">{{ Disclosure.Mark }}</p>");
        File.WriteAllText(Path.Combine(copy, "partials", "groupe.liquid"), "[{{ groupe.Code }}]");
        var path = Path.Combine(copy, "notre-rapport.liquid");
        File.WriteAllText(path, "{% include 'secret' %}{% include 'groupe' for Protocol.Groups %}{% include 'flux' %}");
        var model = SampleReports.Full();

        var html = new TemplateEngine(shared).Render(path, model);

        Assert.StartsWith($"<p class=\"notre-secret\">{model.Disclosure.Mark}</p>" + string.Concat(model.Protocol.Groups.Select(g => $"[{g.Code}]")), html);
        Assert.Contains("<h2 id=\"flux\">", html);
    }

    // A compiled template is reused; a template edited on disk is compiled again (the cache checks the files).
    [Fact]
    public void Render_TemplateEditedOnDisk_CompiledAgain()
    {
        var dir = Directory("un");
        var engine = new TemplateEngine(dir);
        Assert.Equal("un", engine.Render("mon-rapport", SampleReports.Full()));

        File.WriteAllText(Path.Combine(dir, "mon-rapport.liquid"), "deux {{ Title }}");

        Assert.Equal("deux " + SampleReports.Full().Title, WebUtility.HtmlDecode(engine.Render("mon-rapport", SampleReports.Full())));
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
