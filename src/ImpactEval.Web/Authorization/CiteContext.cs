using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Http;

namespace ImpactEval.Web.Authorization;

/// <summary>
/// The cité (and protocol) a request is about, resolved once by the authorization layer from the route values
/// <c>{cite}</c> and <c>{protocole}</c> after checking the caller may see them; pages read it instead of querying again.
/// </summary>
/// <param name="Scope">The caller.</param>
/// <param name="TerritoryId">The cité's key, or null for a page that is about no cité.</param>
/// <param name="TerritoryCode">The cité's code.</param>
/// <param name="TerritoryName">The cité's name, if known.</param>
/// <param name="ProtocolId">The protocol's key, or null.</param>
/// <param name="ProtocolCode">The protocol's identifier, or null.</param>
public sealed record CiteContext(AccessScope Scope, int? TerritoryId, string? TerritoryCode, string? TerritoryName, int? ProtocolId, string? ProtocolCode)
{
    private static readonly object Key = new();

    /// <summary>The context the authorization layer stored for this request.</summary>
    /// <exception cref="InvalidOperationException">The endpoint did not go through <see cref="AccessHandler"/> (a page without its policy).</exception>
    public static CiteContext Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is CiteContext cite
            ? cite
            : throw new InvalidOperationException("No CiteContext: the page must require one of the WebPolicies.");

    internal static void Store(HttpContext context, CiteContext cite) => context.Items[Key] = cite;
}
