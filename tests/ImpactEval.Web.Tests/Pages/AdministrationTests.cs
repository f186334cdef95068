using System.Net;
using ImpactEval.TestSupport;
using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Xunit;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class AdministrationTests(WebFixture fixture)
{
    // The administrator creates a user for a new CPO: a one-time link is shown; the CPO opens it, chooses her password,
    // signs in and sees her cité; the same link then no longer works. Every step is audited.
    [Fact]
    public async Task Users_CreateThenOneTimeLink_NewUserSignsIn()
    {
        using var admin = new Browser(fixture.Host.Url);
        admin.SignIn("admin", WebFixture.Password);
        admin.Open("/admin/utilisateurs");
        admin.Fill("nom", "nouvelle-cpo");
        admin.Select("role", "equipe-cite");
        admin.Fill("cites", "CE-999-01");
        admin.Submit("Créer l’utilisateur");
        var link = admin.Driver.FindElement(By.Id("lien")).Text;
        Assert.Contains("/reinitialisation?compte=", link);
        admin.Screenshot("administration-utilisateurs");
        admin.AssertAccessible("/admin/utilisateurs");

        using var cpo = new Browser(fixture.Host.Url);
        cpo.Driver.Navigate().GoToUrl(link);
        cpo.AssertAccessible("/reinitialisation");
        cpo.Fill("mot-de-passe", "Nouvelle-CPO-2026");
        cpo.Fill("confirmation", "Nouvelle-CPO-2026");
        cpo.Submit("Enregistrer le mot de passe");
        Assert.Contains("Mot de passe enregistré", cpo.Text);
        cpo.SignIn("nouvelle-cpo", "Nouvelle-CPO-2026");
        Assert.Contains("Bonjour, nouvelle-cpo", cpo.Text);

        using var again = new Browser(fixture.Host.Url);
        again.Driver.Navigate().GoToUrl(link);
        again.Fill("mot-de-passe", "Autre-mot-2026-x");
        again.Fill("confirmation", "Autre-mot-2026-x");
        again.Submit("Enregistrer le mot de passe");
        Assert.Contains("Ce lien n’est plus valable", again.Text);
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.add" && a.Actor == "web:admin" && a.Subject.Contains("nouvelle-cpo")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password" && a.Actor == "web:nouvelle-cpo"));
    }

    // API keys are granted from the administration (shown once) and revoked; the other administration pages open.
    [Fact]
    public void ApiKeysTerritoriesJobs_Administrator_PagesWork()
    {
        using var admin = new Browser(fixture.Host.Url);
        admin.SignIn("admin", WebFixture.Password);
        admin.Open("/admin/cles");
        admin.Fill("nom", "entrepot-valbrune");
        admin.Select("role", "partenaire");
        admin.Fill("cites", "CE-999-01");
        admin.Submit("Créer la clé");
        Assert.StartsWith("ie_", admin.Driver.FindElement(By.Id("cle")).Text);
        admin.AssertAccessible("/admin/cles");
        admin.ClickAndWait(admin.Driver.FindElements(By.CssSelector("#cles tbody tr")).First(r => r.Text.Contains("entrepot-valbrune")).FindElement(By.TagName("button")));
        Assert.Contains("révoquée", admin.Driver.FindElements(By.CssSelector("#cles tbody tr")).First(r => r.Text.Contains("entrepot-valbrune")).Text);

        foreach (var page in new[] { "/admin", "/admin/territoires", "/admin/taches" })
        {
            admin.Open(page);
            admin.AssertAccessible(page);
        }
        admin.Open("/admin/territoires");
        Assert.Contains("CE-999-02", admin.Text);
    }

    // ANCT sees every campaign and the completeness of each cité, and reads the consolidated synthesis of the revue de
    // projet with its downloads; a cité's CPO is refused the national and administration pages (403).
    [Fact]
    public async Task National_AnctDashboardAndSynthesis_CiteTeamRefused()
    {
        using var anct = new Browser(fixture.Host.Url);
        anct.SignIn("anct", WebFixture.Password);
        anct.Open("/national");
        Assert.Contains(NationalDemoData.CampaignLabel, anct.Text);
        Assert.Contains("complétude par cité", anct.Text);
        anct.Screenshot("national");
        anct.AssertAccessible("/national");
        anct.Open($"/national/campagnes/{NationalDemoData.CampaignCode}");
        Assert.Contains("Télécharger", anct.Text);
        anct.AssertAccessible("/national/campagnes/…");

        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("anct", WebFixture.Password));
        using var xlsx = await client.GetAsync($"/national/campagnes/{NationalDemoData.CampaignCode}/synthese/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var cpo = new SiteClient(fixture.Host.Url);
        Assert.True(await cpo.SignInAsync("cpo-a", WebFixture.Password));
        foreach (var path in new[] { "/national", "/admin", "/admin/utilisateurs", "/admin/taches" })
        {
            using var response = await cpo.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} : {(int)response.StatusCode}");
        }
    }

    // The jobs dashboard (Hangfire's, at /admin/travaux) for people signed in to the application: the administrator
    // sees it and its scripts run (the live counters are fetched), ANCT reads it, every other role gets the French
    // 403 page, and a visitor who is not signed in lands on the sign-in page.
    [Fact]
    public void JobsDashboard_SignedIn_AdministratorAndNationalOnly()
    {
        foreach (var user in new[] { "admin", "anct" })
        {
            using var browser = new Browser(fixture.Host.Url);
            browser.SignIn(user, WebFixture.Password);
            browser.Open("/admin/travaux");
            var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30));
            wait.Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript(
                "return typeof Hangfire !== 'undefined' && performance.getEntriesByType('resource').some(e => e.name.endsWith('/admin/travaux/stats'))")!);
            Assert.Equal("ImpactEval — travaux", browser.Driver.FindElement(By.CssSelector(".navbar-brand")).Text);
            browser.Screenshot($"travaux-{user}");
        }
        foreach (var user in new[] { "cpo-a", "saisie-a", "caf-a" })
        {
            using var browser = new Browser(fixture.Host.Url);
            browser.SignIn(user, WebFixture.Password);
            browser.Open("/admin/travaux");
            Assert.Contains("Accès refusé", browser.Text);
            Assert.Empty(browser.Driver.FindElements(By.CssSelector(".navbar-brand")));
        }
        using var anonymous = new Browser(fixture.Host.Url);
        anonymous.Open("/admin/travaux");
        Assert.StartsWith("/connexion", new Uri(anonymous.Driver.Url).AbsolutePath);
        Assert.Empty(anonymous.Driver.FindElements(By.CssSelector(".navbar-brand")));
    }
}
