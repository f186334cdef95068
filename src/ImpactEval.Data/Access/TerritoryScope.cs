using ImpactEval.Data.Entities;

namespace ImpactEval.Data.Access;

/// <summary>Territory-scoped queries: what an <see cref="AccessScope"/> may see, filtered in the database.</summary>
public static class TerritoryScope
{
    /// <summary>The protocols of the territories the account may see (all of them for administrator and national).</summary>
    /// <param name="protocols">The protocols to filter (e.g. <c>db.Protocols</c>).</param>
    /// <param name="scope">The caller.</param>
    public static IQueryable<Protocol> VisibleTo(this IQueryable<Protocol> protocols, AccessScope scope)
    {
        if (scope.SeesEveryTerritory) return protocols;
        var territories = scope.TerritoryIds.ToArray();
        return protocols.Where(p => territories.Contains(p.TerritoryId));
    }
}
