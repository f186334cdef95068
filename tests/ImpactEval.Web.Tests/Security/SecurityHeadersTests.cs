using System.Net;
using ImpactEval.Web.Security;
using ImpactEval.Web.Tests.Support;
using Xunit;

namespace ImpactEval.Web.Tests.Security;

[Collection(WebCollection.Name)]
public sealed class SecurityHeadersTests(WebFixture fixture)
{
    // Every route of the host (pages and API, read from its endpoint data source), asked by an administrator and by an
    // anonymous visitor, answers with the security headers: a CSP with no inline script or style and no framing,
    // nosniff, no referrer, and no caching of anything but the static files.
    [Fact]
    public async Task EveryRoute_SignedInAndAnonymous_CarriesTheSecurityHeaders()
    {
        using var admin = new SiteClient(fixture.Host.Url);
        Assert.True(await admin.SignInAsync("admin", WebFixture.Password));
        using var anonymous = new SiteClient(fixture.Host.Url);
        var paths = RouteCatalog.GetPatterns(fixture.Host).Select(p => RouteCatalog.Fill(p, RouteCatalog.CiteA))
            .Concat(["/ressources/site.css", "/nulle-part", "/api/nulle-part"]).ToList();
        Assert.Contains("/connexion", paths);

        foreach (var client in new[] { admin, anonymous })
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path);
                var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                var csp = headers.GetValueOrDefault("Content-Security-Policy", "");
                Assert.True(csp == SecurityHeaders.ContentSecurityPolicy, $"{path} ({(int)response.StatusCode}) : CSP « {csp} »");
                Assert.DoesNotContain("unsafe-inline", csp);
                Assert.Contains("frame-ancestors 'none'", csp);
                Assert.Equal("nosniff", headers.GetValueOrDefault("X-Content-Type-Options"));
                Assert.Equal("no-referrer", headers.GetValueOrDefault("Referrer-Policy"));
                var cache = headers.GetValueOrDefault("Cache-Control", "");
                if (path.StartsWith("/ressources/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK) Assert.Contains("max-age", cache);
                else Assert.True(cache.Contains("no-store"), $"{path} : Cache-Control « {cache} »");
            }
    }

    // Errors never reach a user empty or in English: a page request gets a French page, an API request French problem details.
    [Theory]
    [InlineData("/nulle-part", HttpStatusCode.NotFound, "Page introuvable")]
    [InlineData("/api/nulle-part", HttpStatusCode.NotFound, "Aucune ressource de l’API")]
    [InlineData("/erreur/500", HttpStatusCode.InternalServerError, "Erreur du service")]
    [InlineData("/erreur/403", HttpStatusCode.Forbidden, "Accès refusé")]
    [InlineData("/erreur/401", HttpStatusCode.Unauthorized, "Connexion requise")]
    [InlineData("/erreur/405", HttpStatusCode.MethodNotAllowed, "Méthode non permise")]
    [InlineData("/erreur/429", HttpStatusCode.TooManyRequests, "Trop de tentatives")]
    [InlineData("/erreur/400", HttpStatusCode.BadRequest, "Requête invalide")]
    public async Task Errors_PageAndApi_AnsweredInFrench(string path, HttpStatusCode status, string text)
    {
        using var client = new SiteClient(fixture.Host.Url);
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    // A method a route does not accept: 405 with a French body (API: problem details).
    [Fact]
    public async Task WrongMethod_Api_French405Problem()
    {
        using var client = new SiteClient(fixture.Host.Url);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/protocols"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Méthode non permise", await response.Content.ReadAsStringAsync());
    }
}
