using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactEval.Web.Tests.Support;

/// <summary>Every GET route of the host, read from its endpoint data source, with its parameters filled in.</summary>
public static class RouteCatalog
{
    /// <summary>The values put in route parameters: cité CE-999-01's protocol passerelles, wave T1, error 404, job recompute.passerelles, the jobs dashboard's recurring page.</summary>
    public static readonly IReadOnlyDictionary<string, string> CiteA = new Dictionary<string, string>
    {
        ["cite"] = "CE-999-01", ["protocole"] = "passerelles", ["id"] = "passerelles", ["vague"] = "T1", ["code"] = "404", ["format"] = "html",
        ["group"] = "recompute", ["name"] = "passerelles", ["campagne"] = "inconnue", ["nom"] = "admin", ["path"] = "recurring",
    };

    /// <summary>The patterns of every endpoint that answers GET (pages and API), sorted.</summary>
    public static IReadOnlyList<string> GetPatterns(WebHost host) =>
        [.. host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A pattern with its parameters replaced ("{cite}" → "CE-999-01"; constraints and defaults dropped).</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?\*?([a-zA-Z]+)[^}]*\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"No value for {m.Value} in {pattern}."));

    /// <summary>Whether a pattern is about one cité (its URL names the cité or one of its protocols).</summary>
    public static bool IsAboutCite(string pattern) => pattern.Contains("{cite}", StringComparison.Ordinal) || pattern.Contains("{id}", StringComparison.Ordinal);
}
