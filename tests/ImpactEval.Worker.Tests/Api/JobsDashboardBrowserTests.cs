using ImpactEval.Data;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace ImpactEval.Worker.Tests.Api;

/// <summary>The jobs dashboard in a real browser (Debian's headless Chromium through chromedriver).</summary>
public class JobsDashboardBrowserTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // An administrator opens /admin/travaux in a browser (the key sent by the browser with every request, as a future
    // web sign-in's cookie would be): Hangfire's dashboard draws itself — its scripts run, its live statistics load —
    // in French, and every resource the page loaded came from the service. A national account sees it too; a cité
    // team, a partner and an anonymous visitor get the French refusal instead, and no dashboard.
    [Fact]
    public async Task Dashboard_InBrowser_ShownToAdministratorAndNationalRefusedToOthers()
    {
        var environment = await fixture.ForAsync(StoreProvider.Sqlite);
        var url = new Uri(environment.Worker.Url, "admin/travaux").ToString();
        var profile = Path.Combine(Path.GetTempPath(), "impacteval-selenium-" + Guid.NewGuid().ToString("N"));
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1200,900", $"--user-data-dir={profile}");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
        try
        {
            driver.ExecuteCdpCommand("Network.enable", []);
            foreach (var account in new[] { "admin", "anct" })
            {
                Open(driver, url, environment.Keys[account]);
                var wait = new OpenQA.Selenium.Support.UI.DefaultWait<IWebDriver>(driver) { Timeout = TimeSpan.FromSeconds(20) };
                // Its scripts ran: the live counters were fetched (POST …/stats), with the key like every other request.
                wait.Until(d => Script<bool>(d, "return typeof Hangfire !== 'undefined' && performance.getEntriesByType('resource').some(e => e.name.endsWith('/admin/travaux/stats'))"));
                Assert.Equal("ImpactEval — travaux", driver.FindElement(By.CssSelector(".navbar-brand")).Text);
                Assert.Contains("Aperçu", driver.FindElement(By.TagName("body")).Text);
                var origins = Script<IReadOnlyCollection<object>>(driver, "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)");
                Assert.NotEmpty(origins);
                Assert.All(origins, origin => Assert.Equal(environment.Worker.Url.GetLeftPart(UriPartial.Authority), origin));
            }
            foreach (var (account, refusal) in new (string?, string)[] { ("cpo-valbrune", "Accès refusé"), ("caf-valbrune", "Accès refusé"), (null, "Connexion") })
            {
                Open(driver, url, account is null ? null : environment.Keys[account]);
                var text = driver.FindElement(By.TagName("body")).Text;
                Assert.Contains(refusal, text);
                Assert.Empty(driver.FindElements(By.CssSelector(".navbar-brand")));
            }
        }
        finally
        {
            driver.Quit();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Opens the page, the browser sending <c>Authorization: Bearer key</c> with every request when a key is given.</summary>
    private static void Open(ChromeDriver driver, string url, string? key)
    {
        driver.ExecuteCdpCommand("Network.setExtraHTTPHeaders", new Dictionary<string, object?>
        {
            ["headers"] = key is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["Authorization"] = "Bearer " + key },
        });
        driver.Navigate().GoToUrl("about:blank");
        driver.Navigate().GoToUrl(url);
    }

    private static T Script<T>(IWebDriver driver, string script) => (T)((IJavaScriptExecutor)driver).ExecuteScript(script)!;
}
