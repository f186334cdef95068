using System.Text;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Xunit;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class DataEntryTests(WebFixture fixture)
{
    // A data-entry agent enters the end-of-year values (wave T2) of a family whose T2 is overdue: the dashboard's
    // completeness of T2 goes up by one family; then she corrects one value, which asks for a reason and keeps the
    // previous value as a revision.
    [Fact]
    public async Task WaveForm_OverdueFamily_CompletenessRisesAndCorrectionKeepsHistory()
    {
        var (identifier, before) = await OverdueFamilyAsync("T2", skip: 0);
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01");
        var rateBefore = Completeness(browser, "T2|*|*");

        browser.Open("/cites/CE-999-01/protocoles/passerelles/saisie/T2");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/saisie/T2");
        browser.Fill("identifiant", identifier);
        foreach (var select in browser.Driver.FindElements(By.CssSelector("fieldset select")))
            select.FindElements(By.TagName("option"))[2].Click();
        foreach (var input in browser.Driver.FindElements(By.CssSelector("fieldset input[type=text]"))) { input.Clear(); input.SendKeys("87,5"); }
        browser.Screenshot("saisie");
        browser.Submit("Enregistrer");
        Assert.Contains("valeur(s) enregistrée(s) pour la vague T2", browser.Driver.FindElement(By.Id("confirmation")).Text);

        browser.Open("/cites/CE-999-01");
        var rateAfter = Completeness(browser, "T2|*|*");
        Assert.NotEqual(rateBefore, rateAfter);
        await using (var db = await fixture.Store.OpenAsync())
        {
            var status = await new CohortStatusService(db).GetAsync("passerelles", DateOnly.FromDateTime(DateTime.Now));
            var total = status!.Completeness.Single(c => c.Wave == "T2" && c.Group is null && c.Cluster is null);
            Assert.Equal(before + 1, total.Collected);
        }

        // A correction: the stored values are shown, a changed value without a reason is refused, with one it is recorded.
        browser.Open("/cites/CE-999-01/protocoles/passerelles/saisie/T2");
        browser.Fill("identifiant", identifier);
        browser.Submit("Afficher les valeurs");
        Assert.Contains("Valeurs déjà enregistrées", browser.Text);
        var assiduite = browser.Driver.FindElement(By.Id("valeur-assiduite"));
        assiduite.Clear();
        assiduite.SendKeys("91");
        browser.Submit("Enregistrer");
        Assert.Contains("Indiquez le motif de la correction de ASSIDUITE", browser.Driver.FindElement(By.CssSelector(".resume-erreurs")).Text);
        browser.AssertAccessible("saisie (erreur)");
        browser.Fill("motif", "erreur de saisie, vérifié avec l’enseignante");
        browser.Submit("Enregistrer");
        Assert.Contains("dont 1 correction(s) motivée(s)", browser.Driver.FindElement(By.Id("confirmation")).Text);
        await using (var db = await fixture.Store.OpenAsync())
        {
            Assert.True(await db.ObservationRevisions.AnyAsync(r => r.ChangedBy == "web:saisie-a" && r.Reason == "erreur de saisie, vérifié avec l’enseignante" && r.NewValue == 91));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "observation.correct" && a.Actor == "web:saisie-a"));
        }
    }

    // A value out of its range is refused next to its field, and nothing of the family is written.
    [Fact]
    public async Task WaveForm_OutOfRange_RefusedAtTheFieldNothingWritten()
    {
        var (identifier, before) = await OverdueFamilyAsync("T2", skip: 1);
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/saisie/T2");
        browser.Fill("identifiant", identifier);
        browser.Driver.FindElements(By.CssSelector("fieldset select"))[0].FindElements(By.TagName("option"))[1].Click();
        browser.Fill("valeur-assiduite", "120");
        browser.Submit("Enregistrer");

        var summary = browser.Driver.FindElement(By.CssSelector(".resume-erreurs"));
        Assert.Contains("hors de la plage admise", summary.Text);
        Assert.Equal("#valeur-assiduite", new Uri(summary.FindElement(By.TagName("a")).GetAttribute("href")!).Fragment);
        // The family is still overdue: its valid first value was not written either (all or nothing).
        var (still, after) = await OverdueFamilyAsync("T2", skip: 1);
        Assert.Equal(identifier, still);
        Assert.Equal(before, after);
    }

    // A file with a wrong cell is checked: the error report table places it at its line and column and nothing is
    // written; the corrected file is then imported, and only the changed value is recorded.
    [Fact]
    public async Task Upload_FileWithErrorThenCorrected_ErrorPlacedThenImported()
    {
        var source = Path.Combine(fixture.Store.Options.DataDirectory, "import", "passerelles", "observations-T1.csv");
        var lines = await File.ReadAllLinesAsync(source, Encoding.UTF8);
        var header = lines[0].Split(';');
        var column = Array.IndexOf(header, "CLIMAT_RELATION");
        var cells = lines[3].Split(';');
        var original = cells[column];
        var directory = Path.Combine(fixture.Store.Options.DataDirectory, "envois");
        Directory.CreateDirectory(directory);
        cells[column] = "très très serein";
        var wrong = Path.Combine(directory, "observations-T1-erreur.csv");
        await File.WriteAllLinesAsync(wrong, lines.Take(3).Append(string.Join(';', cells)).Concat(lines.Skip(4)), new UTF8Encoding(true));
        cells[column] = original == "4" ? "3" : "4";
        var corrected = Path.Combine(directory, "observations-T1-corrige.csv");
        await File.WriteAllLinesAsync(corrected, lines.Take(3).Append(string.Join(';', cells)).Concat(lines.Skip(4)), new UTF8Encoding(true));

        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/import");
        browser.Driver.FindElement(By.Id("fichier")).SendKeys(wrong);
        browser.Submit("Vérifier sans enregistrer");

        Assert.Contains("Fichier refusé, rien n’a été enregistré", browser.Driver.FindElement(By.Id("resultat-import")).Text);
        var row = browser.Driver.FindElement(By.CssSelector("#rapport-erreurs tbody tr"));
        var place = row.FindElements(By.TagName("td")).Select(td => td.Text).ToList();
        Assert.Equal(["4", (column + 1).ToString(), "CLIMAT_RELATION"], place.Take(3));
        Assert.Contains("n’est pas un niveau de l’échelle", place[4]);
        browser.Screenshot("import-erreurs");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/import (erreurs)");

        browser.Driver.FindElement(By.Id("fichier")).SendKeys(corrected);
        browser.Submit("Importer");
        Assert.Contains("Import enregistré", browser.Driver.FindElement(By.Id("resultat-import")).Text);
        Assert.Contains("1 corrigée(s)", browser.Driver.FindElement(By.Id("resultat-import")).Text);
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.observations" && a.Actor == "web:saisie-a" && a.Details!.Contains("observations-T1-corrige.csv")));
    }

    // The collection workbook of a wave downloads as an .xlsx file.
    [Fact]
    public async Task Workbook_Download_IsAnXlsxPackage()
    {
        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("saisie-a", WebFixture.Password));
        using var response = await client.GetAsync("/cites/CE-999-01/protocoles/passerelles/classeur/T2");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    // The collection page says which workbooks of each wave came back, per school and respondent, with the values owed
    // and received as the store holds them; each row links to that school's and respondent's blank workbook, whose
    // columns are the respondent's only.
    [Fact]
    public async Task CollectionPage_ReturnsPerSchoolAndRespondent_MatchTheStoreAndLinkTheirWorkbook()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/saisie");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/saisie");
        var rows = browser.Driver.FindElements(By.CssSelector("table[data-retours='T1'] tbody tr"));
        Assert.Equal(16, rows.Count);
        await using var db = await fixture.Store.OpenAsync();
        var protocol = (await new Data.ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value.Protocol;
        var expected = await new Collection.Workbooks.WorkbookReturns(db).GetAsync(protocol, protocol.FindWave("T1")!, DateOnly.FromDateTime(DateTime.Now));
        var shown = rows.Select(r => r.FindElements(By.CssSelector("th, td")).Select(c => c.Text.Replace('\u202F', ' ').Replace('\u00A0', ' ')).ToArray()).ToList();
        Assert.Equal(expected.Select(r => $"{r.Scope.School}|{r.Scope.Respondent}|{r.Expected}|{r.Received}|{r.StateLabel}"),
            shown.Select(c => $"{c[0]}|{c[1]}|{c[3].Replace(" ", "")}|{c[4].Replace(" ", "")}|{c[5]}"));
        Assert.Contains(expected, r => r.Received > 0);

        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("saisie-a", WebFixture.Password));
        var link = rows[1].FindElement(By.TagName("a")).GetAttribute("href")!;
        using var response = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal("collecte-passerelles-T1-E01-educatrice-de-jeunes-enfants.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["identifiant", "ecole", "vague", "date_collecte", "NB_SEANCES", "SATISFACTION"],
            workbook.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()));
    }

    // Issue 12, item 4: a CPO uploads the protocol file on the web; the page gives its evaluability verdict, each finding
    // with its level, its line and column, and what to change (for PasserelleS: 8 schools only for cluster-robust errors).
    [Fact]
    public void VersionPage_ValidProtocol_ShowsThePlacedVerdict()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/version");
        browser.Driver.FindElement(By.Id("fichier")).SendKeys(Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"));
        browser.Submit("Vérifier et enregistrer");

        Assert.Contains("Évaluabilité : aucun point bloquant, 1 point à revoir", browser.Driver.FindElement(By.Id("evaluabilite")).FindElement(By.XPath("following-sibling::p")).Text.Replace('\u202F', ' '));
        var rows = browser.Driver.FindElements(By.CssSelector("#verdict tbody tr")).Select(r => r.FindElements(By.TagName("td")).Select(td => td.Text).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "à revoir" && r[3].Contains("8 unités de regroupement"));
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/version (verdict)");
    }

    private static string Completeness(Browser browser, string cell) =>
        browser.Driver.FindElement(By.CssSelector($"td[data-completude='{cell}']")).Text;

    /// <summary>An active family whose wave is overdue (the <paramref name="skip"/>-th), with the count of families collected at that wave.</summary>
    private async Task<(string Identifier, int Collected)> OverdueFamilyAsync(string wave, int skip)
    {
        await using var db = await fixture.Store.OpenAsync();
        var status = (await new CohortStatusService(db).GetAsync("passerelles", DateOnly.FromDateTime(DateTime.Now)))!;
        var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(fixture.Store.Options.DataDirectory, "pseudonymisation.key")));
        var byPseudonym = fixture.Demo.Cohort.Participants.ToDictionary(p => pseudonymiser.Pseudonym("CE-999-01", p.Identifier), p => p.Identifier);
        var overdue = status.Overdue.Where(e => e.Wave == wave && e.Status == EnrolmentStatus.Active).Skip(skip).First();
        return (byPseudonym[overdue.Pseudonym], status.Completeness.Single(c => c.Wave == wave && c.Group is null && c.Cluster is null).Collected);
    }
}
