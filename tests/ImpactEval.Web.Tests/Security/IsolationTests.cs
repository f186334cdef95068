using System.Net;
using ImpactEval.Web.Tests.Support;
using Xunit;

namespace ImpactEval.Web.Tests.Security;

[Collection(WebCollection.Name)]
public sealed class IsolationTests(WebFixture fixture)
{
    // The CPO of cité B asks for every address of cité A — each route of the host that names a cité or a protocol, read
    // from the endpoint data source, filled with cité A's values — and gets 404 every time, exactly as for an address
    // that does not exist: she cannot even learn that cité A's protocol exists. Her own cité's dashboard works.
    [Fact]
    public async Task EveryRouteOfCiteA_CiteBAccount_AnswersNotFound()
    {
        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("cpo-b", WebFixture.Password));
        var routes = RouteCatalog.GetPatterns(fixture.Host).Where(RouteCatalog.IsAboutCite).ToList();
        Assert.Contains("/cites/{cite}/protocoles/{protocole}/cohorte", routes);

        foreach (var route in routes)
        {
            var path = RouteCatalog.Fill(route, RouteCatalog.CiteA);
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            // The API's routes are asked with cité B's API key (the session cookie is for pages only).
            if (path.StartsWith("/api/", StringComparison.Ordinal)) request.Headers.Authorization = new("Bearer", fixture.ApiKeys["cle-b"]);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} : {(int)response.StatusCode}");
        }
        using var own = await client.GetAsync("/cites/CE-999-02");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        // A cité that does not exist answers the same as cité A.
        using var missing = await client.GetAsync("/cites/CE-000-00/protocoles/passerelles");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    // A form of cité A posted by cité B's account (with a valid token of its own session) is refused as not found too.
    [Fact]
    public async Task PostToCiteA_CiteBAccount_AnswersNotFound()
    {
        using var client = new SiteClient(fixture.Host.Url);
        Assert.True(await client.SignInAsync("cpo-b", WebFixture.Password));
        var token = await client.TokenAsync("/cites/CE-999-02/protocoles/ailleurs/cohorte/changement");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/cites/CE-999-01/protocoles/passerelles/cohorte/changement")
        {
            Content = new FormUrlEncodedContent([new("__jeton", token), new("identifiant", "X"), new("nature", "statut"), new("statut", "withdrawn"),
                new("dateEffet", "01/01/2026"), new("motif", "essai")]),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
