using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Xunit;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class ResultsTests(WebFixture fixture)
{
    // The CPO reads her protocol's results: the contrast table with its estimates, the forest plot (SVG drawn by
    // Reporting's charts), balance and attrition; the reading is audited.
    [Fact]
    public async Task Results_TerritoryTeam_EstimatesForestPlotBalanceAttrition()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/resultats");

        Assert.Contains("Résultats complets", browser.Text);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("figure.graphique svg")));
        Assert.Contains("Équilibre des groupes", browser.Text);
        Assert.Contains("Attrition", browser.Text);
        Assert.Contains("Télécharger le rapport", browser.Text);
        // The contrast table names the indicators analysed (the forest plot's rows).
        Assert.Contains("Implication du parent dans la gestion de la séparation", browser.Driver.FindElement(By.CssSelector("section table")).Text);
        browser.Screenshot("resultats");
        browser.Screenshot("resultats-graphique-forest", "figure.graphique");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/resultats");
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "estimates.export" && a.Actor == "web:cpo-a"));
    }

    // A partner of the cité sees the published tables only (statistical secrecy).
    [Fact]
    public void Results_Partner_PublishedTablesOnly()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("caf-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/resultats");
        Assert.Contains("Tableaux publiés, sous secret statistique", browser.Text);
        Assert.DoesNotContain("Résultats complets", browser.Text);
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/resultats (partenaire)");
    }

    // The report downloads in each format — HTML, PDF, XLSX, the CSV tables in a zip — and each download is audited
    // as an export with the account.
    [Fact]
    public async Task ReportDownloads_EveryFormat_FilesAndAudit()
    {
        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("cpo-a", WebFixture.Password));

        using var html = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/rapport/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("<html", await html.Content.ReadAsStringAsync());
        using var xlsx = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/rapport/xlsx");
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        using var csv = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/rapport/csv");
        using (var archive = new ZipArchive(new MemoryStream(await csv.Content.ReadAsByteArrayAsync())))
            Assert.Contains(archive.Entries, e => e.Name.EndsWith(".csv", StringComparison.Ordinal));
        using var pdf = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/rapport/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "report.export" && a.Actor == "web:cpo-a") >= 4);
    }

    // A data-entry account sees no result at all: the results page and the downloads answer 403 (French page), the
    // navigation offers no link to them, and a data-entry API key is refused the estimates.
    [Fact]
    public async Task Results_DataEntry_Refused()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles");
        Assert.Empty(browser.Driver.FindElements(By.LinkText("Résultats et rapports")));
        browser.Open("/cites/CE-999-01/protocoles/passerelles/resultats");
        Assert.Contains("Accès refusé", browser.Text);
        browser.AssertAccessible("/erreur/403");

        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("saisie-a", WebFixture.Password));
        using (var page = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/resultats")) Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using (var report = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/rapport/html")) Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/protocols/passerelles/estimates");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.ApiKeys["cle-saisie-a"]);
        using var estimates = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.Forbidden, estimates.StatusCode);
        Assert.Contains("Accès refusé", await estimates.Content.ReadAsStringAsync());
    }
}
