using System.Collections.Immutable;
using ImpactEval.Data.Entities;

namespace ImpactEval.Data.Access;

/// <summary>Who is calling and what they may see: an authenticated API account or web user.</summary>
/// <param name="Name">The account's name (recorded as the actor of its exports).</param>
/// <param name="Role">Its role.</param>
/// <param name="TerritoryIds">The territories granted to it (empty for roles that see every territory).</param>
/// <param name="Channel">How it came in: <see cref="Api"/> (a key) or <see cref="Web"/> (a signed-in person).</param>
public sealed record AccessScope(string Name, AccessRole Role, ImmutableArray<int> TerritoryIds, string Channel = AccessScope.Api)
{
    /// <summary>The channel of API keys.</summary>
    public const string Api = "api";

    /// <summary>The channel of people signed in to the web application.</summary>
    public const string Web = "web";

    /// <summary>The actor written in the audit trail for what this account does: the channel, ":" and its name ("api:caf-93", "web:cpo-valbrune").</summary>
    public string Actor => Channel + ":" + Name;

    /// <summary>Whether the role allows <paramref name="permission"/> (on the territories the account sees).</summary>
    public bool Allows(AccessPermission permission) => AccessRoles.Allows(Role, permission);

    /// <summary>Whether the account sees every territory (administrator, national).</summary>
    public bool SeesEveryTerritory => AccessRoles.SeesEveryTerritory(Role);

    /// <summary>How much of a protocol's results the account sees.</summary>
    public ResultDetail ResultDetail => AccessRoles.ResultDetailOf(Role);

    /// <summary>Whether the account may see the data of a territory.</summary>
    /// <param name="territoryId">The territory's surrogate key.</param>
    public bool Sees(int territoryId) => SeesEveryTerritory || TerritoryIds.Contains(territoryId);
}
