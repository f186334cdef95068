using System.Text.RegularExpressions;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Templates;
using Xunit;

namespace ImpactEval.Reporting.Tests;

public class ReportModelDocumentationTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpactEval.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }

    // A CPO edits templates from docs/report-model.md alone: every field a template can reach must be documented there.
    [Theory]
    [InlineData(typeof(ReportModel))]
    [InlineData(typeof(NationalSynthesisModel))]
    public void ReportModelDoc_EveryField_Documented(Type model)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "report-model.md"));
        var documented = Regex.Matches(doc, "(?<!`)`([^`\n]+)`(?!`)").SelectMany(m => Regex.Matches(m.Groups[1].Value, @"[A-Za-z]+").Select(w => w.Value)).ToHashSet(StringComparer.Ordinal);

        var missing = TemplateEngine.FieldNames(model).Where(name => !documented.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "Not documented in docs/report-model.md: " + string.Join(", ", missing));
    }

    // Every French filter registered by the engine is documented with an example (`{{ x | nombre }}`).
    [Fact]
    public void ReportModelDoc_EveryFilter_Documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "report-model.md")).Replace("\\|", "|");

        Assert.All(TemplateEngine.KnownFilters, filter => Assert.Matches(@"`\{\{ [^`]*\| " + filter + "[ :]", doc));
    }

    // Every tag of the Liquid subset is documented, and the budget table states the values the engine enforces.
    [Fact]
    public void ReportModelDoc_TagsAndBudget_MatchTheEngine()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "report-model.md"));
        var budget = RenderBudget.Default;
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

        Assert.All(TemplateSource.AllowedTags, tag => Assert.Contains("{% " + tag, doc));
        Assert.Contains($"| {budget.MaxSteps.ToString("N0", french).Replace('\u202F', ' ').Replace('\u00A0', ' ')} |", doc);
        Assert.Contains($"| {budget.MaxDepth} |", doc);
        Assert.Contains($"| {budget.MaxOutputCharacters / (1024 * 1024)} Mi caractères |", doc);
        Assert.Contains($"| {budget.MaxDuration.TotalSeconds:0} secondes |", doc);
    }
}
