using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Xunit;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class CitePagesTests(WebFixture fixture)
{
    // The CPO of Valbrune opens her cité's dashboard: the protocol, the next waves, completeness by wave × group ×
    // school (the demo's 120 families, every wave of the past collected or overdue) and the overdue list.
    [Fact]
    public void Dashboard_TerritoryTeam_ShowsCompletenessAndOverdue()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01");

        Assert.Contains("Tableau de bord de la cité CE-999-01", browser.Text);
        Assert.Contains("Prochaines vagues", browser.Text);
        var table = browser.Driver.FindElement(By.Id("completude-passerelles"));
        Assert.Contains("Complétude par vague, groupe et école", table.Text);
        Assert.NotEmpty(table.FindElements(By.CssSelector("td[data-completude='T1|*|*']")));
        Assert.Contains("Retards à relancer", browser.Text);
        browser.Screenshot("tableau-de-bord");
        browser.Screenshot("tableau-de-bord-haut", maxHeight: 1000);
        browser.AssertAccessible("/cites/CE-999-01");
    }

    // The protocol page shows the référentiel as a matrix, and the MDE calculator answers with the sizes and ICC typed;
    // a wrong number is explained next to its field, linked from the error summary.
    [Fact]
    public void Protocol_MatrixAndCalculator_ComputesAndExplainsErrors()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles");

        Assert.Contains("Questions évaluatives → critères de jugement → indicateurs → sources → vagues", browser.Text);
        Assert.Contains("COOP_SEPARATION", browser.Text);
        var before = browser.Driver.FindElement(By.Id("effets-minimaux")).Text;
        browser.Fill("icc", "0,2");
        browser.Submit("Calculer");
        var after = browser.Driver.FindElement(By.Id("effets-minimaux")).Text;
        Assert.NotEqual(before, after);
        browser.Screenshot("protocole");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles");

        browser.Fill("icc", "beaucoup");
        browser.Submit("Calculer");
        Assert.Contains("La corrélation intra-classe doit être un nombre entre 0 et 0,99", browser.Driver.FindElement(By.CssSelector(".resume-erreurs")).Text);
        Assert.Equal("true", browser.Driver.FindElement(By.Id("icc")).GetAttribute("aria-invalid"));
    }

    // The roster lists the 120 families by pseudonym, 50 per page, with their waves; page 3 holds the last 20.
    [Fact]
    public void Roster_Paginated_ShowsPseudonymsAndWaves()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("saisie-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/cohorte");

        Assert.Contains("120 participant(s) inscrit(s)", browser.Text);
        Assert.Equal(50, browser.Driver.FindElements(By.CssSelector("#liste-cohorte tbody tr")).Count);
        browser.Screenshot("cohorte");
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/cohorte");
        browser.Open("/cites/CE-999-01/protocoles/passerelles/cohorte?p=3");
        Assert.Equal(20, browser.Driver.FindElements(By.CssSelector("#liste-cohorte tbody tr")).Count);
        Assert.DoesNotContain(fixture.Demo.Cohort.Participants[0].Identifier, browser.Text);
    }

    // A withdrawal needs a reason: without one it is refused next to the field; with one it is recorded, shown in the
    // history, and audited with the CPO's account.
    [Fact]
    public async Task StatusChange_Withdrawal_ReasonRequiredThenRecordedWithHistory()
    {
        var family = fixture.Demo.Cohort.Participants[7].Identifier;
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/protocoles/passerelles/cohorte/changement");
        browser.Fill("identifiant", family);
        browser.Select("statut", "withdrawn");
        browser.Submit("Enregistrer le changement");
        Assert.Contains("Un retrait doit être motivé", browser.Driver.FindElement(By.CssSelector(".resume-erreurs")).Text);

        browser.Select("statut", "withdrawn");
        browser.Fill("motif", "la famille ne souhaite plus participer");
        browser.Submit("Enregistrer le changement");

        Assert.Contains("Statut changé : actif → retiré", browser.Text);
        Assert.Contains("la famille ne souhaite plus participer", browser.Text);
        browser.AssertAccessible("/cites/CE-999-01/protocoles/passerelles/cohorte/changement");
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "cohort.status" && a.Actor == "web:cpo-a"));
    }

    // The cité's audit log lists what happened, newest first, with the accounts.
    [Fact]
    public void AuditLog_TerritoryTeam_ListsEntriesWithActors()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("cpo-a", WebFixture.Password);
        browser.Open("/cites/CE-999-01/journal");

        Assert.Contains("import.observations", browser.Text);
        Assert.Contains("tests", browser.Text);
        browser.AssertAccessible("/cites/CE-999-01/journal");
    }
}
