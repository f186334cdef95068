using ImpactEval.TestSupport;
using ImpactEval.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebFixture fixture, ITestOutputHelper output)
{
    // Every page of the application — each GET route of the endpoint data source that renders HTML, filled with cité
    // A's values — opened by an administrator at laptop width and by a CPO at tablet width: axe-core finds no violation
    // of impact serious or critical, and a screenshot of each is saved as a test artefact. The jobs dashboard
    // (/admin/travaux) is Hangfire's own operator page, whose markup the application does not write (unlabelled
    // checkboxes, its colours): it is left out, and the deployment guide says so.
    [Theory]
    [InlineData("admin", 1280, "ordinateur")]
    [InlineData("cpo-a", 820, "tablette")]
    public void EveryPage_AxeCore_NoSeriousOrCriticalViolation(string user, int width, string device)
    {
        var values = new Dictionary<string, string>(RouteCatalog.CiteA) { ["campagne"] = NationalDemoData.CampaignCode };
        var pages = RouteCatalog.GetPatterns(fixture.Host)
            .Where(p => !p.StartsWith("/api", StringComparison.Ordinal) && p != "/health" && !p.Contains("/rapport/", StringComparison.Ordinal)
                        && !p.Contains("/synthese/", StringComparison.Ordinal) && !p.Contains("/classeur/", StringComparison.Ordinal)
                        && !p.StartsWith("/admin/travaux", StringComparison.Ordinal))
            .ToList();
        Assert.True(pages.Count >= 20, string.Join(", ", pages));
        using var browser = new Browser(fixture.Host.Url, width);
        browser.SignIn(user, WebFixture.Password);
        foreach (var pattern in pages.Where(p => p != "/connexion" && p != "/reinitialisation"))
        {
            var path = RouteCatalog.Fill(pattern, values);
            browser.Open(path);
            var name = $"{device}-{(path.Trim('/').Replace('/', '-') is { Length: > 0 } n ? n : "accueil")}";
            browser.Screenshot(name);
            browser.AssertAccessible($"{path} ({user}, {width} px)");
        }
        output.WriteLine($"Captures : {Browser.ScreenshotDirectory}");
    }
}
