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

    // Every helper registered by the engine is documented with an example.
    [Fact]
    public void ReportModelDoc_EveryHelper_Documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "report-model.md"));

        Assert.All(TemplateEngine.KnownFilters, filter => Assert.Contains("| " + filter, doc));
    }
}
