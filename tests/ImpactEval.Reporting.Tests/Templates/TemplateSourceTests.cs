using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

public class TemplateSourceTests
{
    // The place markers the engine adds must not change the output: a marker goes before the blanks that a "{%-" tag
    // removes (so they are still removed), and never before else / elsif / when or an end tag (Fluid's case block
    // accepts nothing but when between case and its first when).
    [Fact]
    public void WithPlaceMarkers_TrimmedTagAndMiddleTags_MarkersWhereOutputIsUnchanged()
    {
        var source = new TemplateSource("t.liquid", "a  \n  {%- if x %}b{% else %}c{% endif %}{{ y }}{% case z %}{% when 1 %}d{% endcase %}");
        var number = 0;

        var marked = source.WithPlaceMarkers(_ => number++);

        Assert.Equal("a{% impacteval_place 0 %}  \n  {%- if x %}b{% else %}c{% endif %}{% impacteval_place 1 %}{{ y }}{% impacteval_place 2 %}{% case z %}{% when 1 %}d{% endcase %}", marked);
    }

    // Tags are placed by line and column; the content of raw and comment blocks is not read as tags.
    [Fact]
    public void Tags_RawAndCommentContent_NotScannedPlacesCounted()
    {
        var source = new TemplateSource("t.liquid", "{% comment %} {% render 'x' %} {% endcomment %}\n  {% raw %}{{ pas un champ }}{% endraw %}\n{{ Title }}");

        Assert.Equal([("comment", 1, 1), ("endcomment", 1, 32), ("raw", 2, 3), ("endraw", 2, 30), ("", 3, 1)],
            source.Tags.Select(t => (t.Name, t.Line, t.Column)));
        Assert.Empty(source.Check(TemplateEngine.AllowedFilters));
    }

    // A tag never closed is placed where it opens, even when another tag follows it.
    [Fact]
    public void Check_TagNeverClosed_PlacedAtItsOpening()
    {
        var source = new TemplateSource("t.liquid", "<p>\n  {{ Title </p>\n{% if x %}{% endif %}");

        var problem = Assert.Single(source.Check(TemplateEngine.AllowedFilters));

        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Contains("n’est jamais refermée par « }} »", problem.Message);
    }

    // Every shipped template and partial keeps to the subset: nothing to report.
    [Fact]
    public void Check_ShippedTemplatesAndPartials_NoProblem()
    {
        var files = Directory.GetFiles(Demo.TemplatesDirectory, "*.liquid", SearchOption.AllDirectories);

        Assert.True(files.Length >= 19, string.Join(", ", files));
        Assert.All(files, file => Assert.Empty(new TemplateSource(Path.GetFileName(file), File.ReadAllText(file)).Check(TemplateEngine.AllowedFilters)));
    }
}
