using System.Collections.Immutable;
using ImpactEval.Data.Entities;

namespace ImpactEval.Data.Access;

/// <summary>Who is calling and what they may see: an authenticated API account.</summary>
/// <param name="Name">The account's name (recorded as the actor of its exports).</param>
/// <param name="Role">Its role.</param>
/// <param name="TerritoryIds">The territories granted to it (empty for roles that see every territory).</param>
public sealed record AccessScope(string Name, AccessRole Role, ImmutableArray<int> TerritoryIds)
{
    /// <summary>The actor written in the audit trail for what this account does: "api:" + its name.</summary>
    public string Actor => "api:" + Name;

    /// <summary>Whether the account sees every territory (administrator, national).</summary>
    public bool SeesEveryTerritory => AccessRoles.SeesEveryTerritory(Role);

    /// <summary>How much of a protocol's results the account sees.</summary>
    public ResultDetail ResultDetail => AccessRoles.ResultDetailOf(Role);

    /// <summary>Whether the account may see the data of a territory.</summary>
    /// <param name="territoryId">The territory's surrogate key.</param>
    public bool Sees(int territoryId) => SeesEveryTerritory || TerritoryIds.Contains(territoryId);
}
