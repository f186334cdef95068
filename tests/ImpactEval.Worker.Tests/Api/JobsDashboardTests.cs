using System.Net;
using System.Text.RegularExpressions;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Worker.Tests.Api;

/// <summary>Hangfire's dashboard at /admin/travaux over HTTP, on both stores: who gets in, who may act, assets served locally.</summary>
public partial class JobsDashboardTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // The platform's administrator opens the jobs dashboard: the page is Hangfire's, in French, titled for ImpactEval,
    // and every script and style sheet it loads comes from the service itself (nothing from a CDN: the service often
    // runs without Internet access); the recurring jobs page offers "Déclencher maintenant".
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Dashboard_Administrator_FrenchPageWithLocalAssetsAndActions(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var http = environment.Http("admin");

        using var home = await http.GetAsync("admin/travaux");
        var page = WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync());
        var recurring = await RecurringPageAsync(http);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("ImpactEval — travaux", page);
        Assert.Contains("Aperçu", page); // Hangfire's own French texts
        var assets = Asset().Matches(page).Select(m => m.Groups["url"].Value).Where(a => !a.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(assets.Count >= 2, string.Join(", ", assets)); // scripts, styles (light and dark)
        Assert.All(assets, a => Assert.StartsWith("/admin/travaux/", a));
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000, asset);
        }
        Assert.Contains("Tâches récurrentes", recurring);
        Assert.Contains("Déclencher maintenant", recurring);
    }

    // The ANCT's national account may watch the jobs (the national steering follows the campaigns) but not act: the
    // dashboard opens without its buttons, and a command sent anyway is refused.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Dashboard_National_ReadOnly(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var http = environment.Http("anct");

        using var home = await http.GetAsync("admin/travaux");
        var recurring = await RecurringPageAsync(http);
        using var command = await http.PostAsync("admin/travaux/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", "maintenance.history-cleanup")]));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Tâches récurrentes", recurring);
        Assert.DoesNotContain("Déclencher maintenant", recurring);
        Assert.False(command.IsSuccessStatusCode, $"{command.StatusCode}");
    }

    // Nobody else gets in: a visitor without a key or session is sent to the web application's sign-in page (the
    // dashboard is for people; its default scheme is the web sign-in), a revoked key → 401, a cité team or partner
    // key → 403, for the page and for its assets alike.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Dashboard_AnonymousAndOtherRoles_Refused(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        foreach (var (account, expected) in new (string?, HttpStatusCode)[]
                 {
                     (null, HttpStatusCode.Redirect), ("revoquee", HttpStatusCode.Unauthorized),
                     ("cpo-valbrune", HttpStatusCode.Forbidden), ("caf-valbrune", HttpStatusCode.Forbidden),
                 })
        {
            using var http = environment.Http(account, followRedirects: false);
            foreach (var path in new[] { "admin/travaux", "admin/travaux/recurring", "admin/travaux/stats" })
            {
                using var response = path.EndsWith("stats", StringComparison.Ordinal) ? await http.PostAsync(path, null) : await http.GetAsync(path);
                Assert.True(expected == response.StatusCode, $"{account ?? "anonymous"} {path}: {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("Hangfire", body);
                if (expected == HttpStatusCode.Redirect) Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery);
                else Assert.Contains(expected == HttpStatusCode.Unauthorized ? "Clé d'API" : "Accès refusé", body);
            }
        }
    }

    /// <summary>The recurring jobs page, once the worker's schedule synchronisation (at start) has created them.</summary>
    private static async Task<string> RecurringPageAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = WebUtility.HtmlDecode(await http.GetStringAsync("admin/travaux/recurring"));
            if (page.Contains("maintenance.history-cleanup", StringComparison.Ordinal) || attempt == 100) return page;
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("""<(?:script|link)[^>]*(?:src|href)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Asset();
}
