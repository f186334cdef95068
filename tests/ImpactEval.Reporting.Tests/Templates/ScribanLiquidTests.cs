using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

/// <summary>
/// The report templates are written in the Liquid that Scriban's Liquid mode reads (the design card's template engine):
/// Scriban is not served here, but its strong-named build Scriban.Signed is, so the tests parse every shipped
/// template with <c>Template.ParseLiquid</c> — the day Scriban is used, these files need no rewriting.
/// </summary>
public class ScribanLiquidTests
{
    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.GetFiles(Demo.TemplatesDirectory, "*.liquid", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Demo.TemplatesDirectory, f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ParseLiquid_ShippedTemplate_NoError(string file)
    {
        var template = Scriban.Template.ParseLiquid(File.ReadAllText(Path.Combine(Demo.TemplatesDirectory, file)), file);

        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
    }

    // The subset's forms that the engine accepts also parse with Scriban; the ones it refuses (render, named include
    // parameters) are those Scriban's Liquid mode does not read the same way.
    [Theory]
    [InlineData("{% include 'tableau' with Flow.Table %}")]
    [InlineData("{% include 'groupe' for Protocol.Groups %}")]
    [InlineData("{% for g in Protocol.Groups %}{{ g.Label }}{% unless forloop.last %} ; {% endunless %}{% else %}aucun{% endfor %}")]
    [InlineData("{% if Analyses.size > 0 and Balance %}{{ 0.5 | pourcentage: 1 }}{% elsif Power %}{{ x | intervalle: a, b }}{% endif %}")]
    [InlineData("{% case Title %}{% when 'a' %}x{% else %}y{% endcase %}{% capture c %}{{ Title | upcase }}{% endcapture %}{% assign n = Tables | size %}")]
    public void ParseLiquid_SubsetForms_NoError(string text)
    {
        Assert.False(Scriban.Template.ParseLiquid(text).HasErrors);
    }

    [Fact]
    public void ParseLiquid_IncludeWithNamedParametersAfterComma_NotRead()
    {
        Assert.True(Scriban.Template.ParseLiquid("{% include 'tableau', tableau: Flow.Table %}").HasErrors);
    }
}
