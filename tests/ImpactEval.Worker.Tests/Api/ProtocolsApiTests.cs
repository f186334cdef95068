using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Reporting;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Api;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Worker.Tests.Api;

/// <summary>The data API over HTTP, on both stores: territory scope, results by role, audited reports.</summary>
public class ProtocolsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // The CAF of another cité (CE-999-02) asks for PasserelleS, which belongs to Valbrune (CE-999-01). It is told the
    // protocol is not accessible, with exactly the answer given for a protocol that does not exist: the existence of
    // another cité's evaluation is not revealed. Its list shows only its own cité's protocol.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Estimates_PartnerOfAnotherCite_NotFoundLikeAMissingProtocol(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var http = environment.Http("caf-autre");

        using var other = await http.GetAsync("api/protocols/passerelles/estimates");
        using var missing = await http.GetAsync("api/protocols/inexistant/estimates");
        using var report = await http.GetAsync("api/protocols/passerelles/report");
        var listed = await http.GetFromJsonAsync<JsonElement>("api/protocols");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Protocole introuvable", problem.GetProperty("title").GetString());
        Assert.Equal("Aucun protocole « passerelles » n'est accessible avec cette clé. La liste des protocoles accessibles est sur GET /api/protocols.",
            problem.GetProperty("detail").GetString());
        Assert.Equal((await other.Content.ReadAsStringAsync()).Replace("passerelles", "X"), (await missing.Content.ReadAsStringAsync()).Replace("inexistant", "X"));
        Assert.Equal(["ailleurs"], listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    // Listing the protocols and reading the jobs API leave an audit entry naming the account (issue 13: "the protocol
    // list and jobs API calls audited too"), like every read of estimates and every report download.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ProtocolListAndJobsApi_Calls_AuditedWithTheAccount(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var partner = environment.Http("caf-autre");
        using var admin = environment.Http("admin");
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var list = await partner.GetAsync("api/protocols");
        using var runs = await admin.GetAsync("api/jobs/runs?limit=5");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        await using var db = Store.Open(environment.Store.Options);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.At >= before && a.Action.StartsWith("api.")).ToListAsync();
        Assert.Contains(entries, a => a is { Action: "api.ListProtocols", Actor: "api:caf-autre", Subject: "GET /api/protocols" } && a.Details == "réponse 200");
        Assert.Contains(entries, a => a is { Action: "api.ListJobRuns", Actor: "api:admin", Subject: "GET /api/jobs/runs?limit=5" });
    }

    // The CAF of Valbrune, a partner, reads PasserelleS's estimates. It gets the published report's tables only:
    // walking the whole answer, no count of participants is between 1 and the threshold, some cells are hidden
    // ("s", no value), and no raw result is included — whereas the stored results do hold counts below the threshold.
    // The national account (ANCT) gets the same tables.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Estimates_PartnerOfTheCite_PublishedTablesWithoutSmallCounts(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var partner = environment.Http("caf-valbrune");
        using var national = environment.Http("anct");

        var json = await partner.GetStringAsync("api/protocols/passerelles/estimates");
        var nationalJson = await national.GetStringAsync("api/protocols/passerelles/estimates");

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("PublishedTables", root.GetProperty("detail").GetString());
        Assert.False(root.TryGetProperty("results", out _));
        Assert.Equal(ApiEnvironment.Threshold, root.GetProperty("disclosure").GetProperty("threshold").GetInt32());
        Assert.True(root.GetProperty("disclosure").GetProperty("applied").GetBoolean());
        var cells = Walk(root).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("kind", out _) && e.TryGetProperty("suppressed", out _)).ToList();
        var counts = cells.Where(c => c.GetProperty("kind").GetString() == "Count").ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts.Where(c => c.GetProperty("value").ValueKind == JsonValueKind.Number),
            c => Assert.True(c.GetProperty("value").GetDouble() is 0 or >= ApiEnvironment.Threshold, $"count {c.GetProperty("value")} published"));
        var hidden = cells.Where(c => c.GetProperty("suppressed").GetBoolean()).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, c => Assert.Equal((JsonValueKind.Null, "s"), (c.GetProperty("value").ValueKind, c.GetProperty("text").GetString())));
        Assert.Equal(Tables(json), Tables(nationalJson));

        await using var db = Store.Open(environment.Store.Options);
        var stored = (await new EstimateService(db).LatestAsync("passerelles"))!;
        Assert.Contains(stored.Flow.Groups.SelectMany(g => g.Waves.SelectMany(w => new[] { w.Late, w.Observed }).Append(g.Withdrawn)),
            n => n is > 0 and < ApiEnvironment.Threshold);
    }

    // The CPO of Valbrune (territory team) reads PasserelleS's estimates: she gets the stored results as computed,
    // identical to what the store holds (EstimateService.LatestAsync), small counts included.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Estimates_TerritoryTeam_FullResults(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var http = environment.Http("cpo-valbrune");

        var root = JsonDocument.Parse(await http.GetStringAsync("api/protocols/passerelles/estimates")).RootElement;

        Assert.Equal("FullResults", root.GetProperty("detail").GetString());
        Assert.Equal("CE-999-01", root.GetProperty("territory").GetString());
        await using var db = Store.Open(environment.Store.Options);
        var stored = (await new EstimateService(db).LatestAsync("passerelles"))!;
        Assert.Equal(ResultsJson.Write(stored), ResultsJson.Write(ResultsJson.Read(root.GetProperty("results").GetRawText())));
        // The same results as one tidy table at full precision, with estimatr's columns and the versions that made them.
        var tidy = root.GetProperty("tidy");
        Assert.Equal(AnalysisEngine.Version, tidy.GetProperty("engine_version").GetInt32());
        Assert.Equal(stored.BuildVersion, tidy.GetProperty("build_version").GetString());
        var rows = tidy.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(TidyRow.Columns, rows[0].EnumerateObject().Select(p => p.Name));
        var expected = TidyResults.From(stored).Rows;
        Assert.Equal(expected.Length, rows.Count);
        Assert.Equal(expected[0].Estimate, rows[0].GetProperty("estimate").GetDouble());
        var listed = await http.GetFromJsonAsync<JsonElement>("api/protocols");
        var protocol = Assert.Single(listed.EnumerateArray());
        Assert.Equal("passerelles", protocol.GetProperty("id").GetString());
        Assert.NotEqual(JsonValueKind.Null, protocol.GetProperty("estimatedAt").ValueKind);
    }

    // The cité's team downloads the analysis dataset (a zip: data, codebook, estimates, reproduire.R), audited under its
    // account; national and partner accounts, who see published tables only, are refused; another cité's key gets 404.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Dataset_TeamOnly_ZipAudited(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var team = environment.Http("cpo-valbrune");
        using var national = environment.Http("anct");
        using var partner = environment.Http("caf-valbrune");
        using var other = environment.Http("caf-autre");

        var response = await team.GetAsync("api/protocols/passerelles/dataset");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using (var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync()))
            Assert.Equal(["dictionnaire.csv", "donnees.csv", "estimations-impacteval.csv", "reproduire.R"], zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("api/protocols/passerelles/dataset")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("api/protocols/passerelles/dataset?format=parquet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("api/protocols/passerelles/dataset")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.GetAsync("api/protocols/passerelles/dataset?format=sav")).StatusCode);
        await using var db = Store.Open(environment.Store.Options);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "dataset.export").Select(a => a.Actor).ToListAsync(), a => a == "api:cpo-valbrune");
    }

    // Without a key, with a revoked key, or with a key whose role does not allow the jobs API, the answer is a French
    // problem: 401 (with WWW-Authenticate) or 403. /health stays open to monitoring; the administrator reaches the jobs.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Requests_NoKeyRevokedKeyOrWrongRole_401Or403(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var anonymous = environment.Http(null);
        using var revoked = environment.Http("revoquee");
        using var partner = environment.Http("caf-valbrune");
        using var team = environment.Http("cpo-valbrune");
        using var admin = environment.Http("admin");

        using var noKey = await anonymous.GetAsync("api/protocols");
        using var noKeyJobs = await anonymous.PostAsync("api/jobs/recompute/passerelles/trigger", null);
        using var revokedKey = await revoked.GetAsync("api/protocols");
        using var partnerJobs = await partner.GetAsync("api/jobs");
        using var teamTrigger = await team.PostAsync("api/jobs/recompute/passerelles/trigger", null);
        using var adminJobs = await admin.GetAsync("api/jobs");
        using var health = await anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("Bearer", noKey.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Clé d'API requise", (await noKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyJobs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedKey.StatusCode);
        Assert.Equal("Cette clé d'API est inconnue ou a été révoquée.", (await revokedKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, partnerJobs.StatusCode);
        Assert.Equal("application/problem+json", partnerJobs.Content.Headers.ContentType?.MediaType);
        Assert.Equal("La clé du compte « caf-valbrune » (rôle « partenaire ») ne donne pas accès à cette ressource.",
            (await partnerJobs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, teamTrigger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminJobs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    // Reports downloaded through the API by the partner (HTML), the CPO (Excel) and the national account (HTML):
    // each download leaves one "report.export" entry naming the account, the protocol and the file; an unknown format
    // is refused in French and leaves none.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Report_EachDownload_AuditedWithTheAccountName(StoreProvider provider)
    {
        var environment = await fixture.ForAsync(provider);
        using var partner = environment.Http("caf-valbrune");
        using var team = environment.Http("cpo-valbrune");
        using var national = environment.Http("anct");

        using var html = await partner.GetAsync("api/protocols/passerelles/report");
        using var xlsx = await team.GetAsync("api/protocols/passerelles/report?format=xlsx");
        using var again = await national.GetAsync("api/protocols/passerelles/report?format=html");
        using var pdf = await national.GetAsync("api/protocols/passerelles/report?format=pdf");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rapport-passerelles-v1.html", html.Content.Headers.ContentDisposition?.FileNameStar ?? html.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("secret statistique", (await html.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("choisissez html ou xlsx", (await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await using var db = Store.Open(environment.Store.Options);
        var exports = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ReportExportService.AuditAction && (a.Actor == "api:caf-valbrune" || a.Actor == "api:cpo-valbrune" || a.Actor == "api:anct"))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["api:caf-valbrune", "api:cpo-valbrune", "api:anct"], exports.Select(a => a.Actor));
        Assert.All(exports, a => Assert.Equal("rapport « rapport-cohorte » du protocole passerelles v1", a.Subject));
        Assert.Contains("rapport-passerelles-v1.xlsx", exports[1].Details);
        Assert.All(exports, a => Assert.Contains($"secret statistique : seuil {ApiEnvironment.Threshold}", a.Details));
        var territory = await db.Protocols.Where(p => p.Code == "passerelles").Select(p => p.TerritoryId).SingleAsync();
        Assert.All(exports, a => Assert.Equal(territory, a.TerritoryId));
    }

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        foreach (var descendant in Walk(child))
            yield return descendant;
    }

    private static string Tables(string json) => JsonDocument.Parse(json).RootElement.GetProperty("tables").GetRawText();
}
