using System.Net;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Xunit;

namespace ImpactEval.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture fixture)
{
    // A CPO opens the address of the service: a French sign-in page; once signed in, the home page lists her cité and
    // its protocol; the sign-in is in the audit log with her account.
    [Fact]
    public async Task Root_Anonymous_FrenchSignInThenHomeOfTheCite()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.Open("/");
        Assert.EndsWith("/connexion?retour=%2F", browser.Driver.Url);
        Assert.Equal("fr", browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Contains("Connexion", browser.Driver.Title);
        Assert.Contains("Nom d’utilisateur", browser.Text);
        browser.Screenshot("connexion");
        browser.AssertAccessible("/connexion");

        browser.Fill("nom", "cpo-a");
        browser.Fill("mot-de-passe", WebFixture.Password);
        browser.Submit("Se connecter");

        Assert.Contains("Bonjour, cpo-a", browser.Text);
        Assert.Contains("CE-999-01", browser.Text);
        Assert.DoesNotContain("CE-999-02", browser.Text);
        browser.Screenshot("accueil");
        browser.AssertAccessible("/");
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "signin.success" && a.Actor == "web:cpo-a"));
    }

    // A wrong password is refused with a message tied to the field, and audited as a failure.
    [Fact]
    public async Task SignIn_WrongPassword_ErrorSummaryLinkedToTheField()
    {
        using var browser = new Browser(fixture.Host.Url);
        browser.SignIn("caf-a", "pas-le-bon-1A");

        var summary = browser.Driver.FindElement(By.CssSelector(".resume-erreurs"));
        Assert.Contains("Nom d’utilisateur ou mot de passe incorrect", summary.Text);
        Assert.Equal("#mot-de-passe", new Uri(summary.FindElement(By.TagName("a")).GetAttribute("href")!).Fragment);
        Assert.Equal("true", browser.Driver.FindElement(By.Id("mot-de-passe")).GetAttribute("aria-invalid"));
        Assert.Contains("mot-de-passe-erreur", browser.Driver.FindElement(By.Id("mot-de-passe")).GetAttribute("aria-describedby"));
        browser.AssertAccessible("/connexion (erreur)");
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "signin.failure" && a.Actor == "web:caf-a"));
        // Reset the failure count so that other tests sign in as this partner.
        Assert.True(await new WebClientSignIn(fixture).SucceedsAsync("caf-a"));
    }

    // Five wrong passwords in a row lock the account: the right password is then refused too, in French, and the
    // refusal is audited.
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        using var client = new SiteClient(fixture.Host.Url);
        for (var attempt = 0; attempt < 5; attempt++) Assert.False(await client.SignInAsync("verrou", "Mauvais-mot-2026"));

        var response = await client.PostFormAsync("/connexion", [new("nom", "verrou"), new("motDePasse", WebFixture.Password)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce compte est verrouillé après 5 erreurs de mot de passe", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await using var db = await fixture.Store.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "signin.locked" && a.Actor == "web:verrou"));
        // The fifth wrong password is the one that locks: four failures, then refusals for lockout.
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == "signin.failure" && a.Actor == "web:verrou"));
    }

    // A form posted without its antiforgery token (a cross-site request) is refused with the French 400 page, and
    // nothing happens: no session is opened.
    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedWithFrenchPage()
    {
        using var client = new SiteClient(fixture.Host.Url);
        await client.GetAsync("/connexion");

        var response = await client.PostFormAsync("/connexion", [new("nom", "admin"), new("motDePasse", WebFixture.Password)], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Requête invalide", html);
        Assert.Contains("lang=\"fr\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    // Sign-in attempts from one address are limited per minute: past the limit, a French 429 page, before any password check.
    [Fact]
    public async Task SignIn_TooManyAttempts_French429()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var host = await WebHost.StartAsync(store.Options, new Dictionary<string, string> { ["Web:SignInAttemptsPerMinute"] = "3" });
        using var client = new SiteClient(host.Url);
        for (var attempt = 0; attempt < 3; attempt++) Assert.False(await client.SignInAsync("personne", "Mauvais-mot-2026"));

        var response = await client.PostFormAsync("/connexion", [new("nom", "personne"), new("motDePasse", "Mauvais-mot-2026")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Trop de tentatives", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

/// <summary>Signs a user in over HTTP (to reset its failure count after a test's deliberate failures).</summary>
internal sealed class WebClientSignIn(WebFixture fixture)
{
    public async Task<bool> SucceedsAsync(string name)
    {
        using var client = new SiteClient(fixture.Host.Url);
        return await client.SignInAsync(name, WebFixture.Password);
    }
}
