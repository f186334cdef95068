using ImpactEval.Data.Entities;

namespace ImpactEval.Data.Access;

/// <summary>The French names of the <see cref="AccessRole"/>s (command line, messages) and what each may see.</summary>
public static class AccessRoles
{
    /// <summary>Every role in the order the command line lists them.</summary>
    public static IReadOnlyList<AccessRole> All { get; } = [AccessRole.Administrator, AccessRole.National, AccessRole.TerritoryTeam, AccessRole.DataEntry, AccessRole.Partner];

    /// <summary>The French name of a role: "administrateur", "national", "equipe-cite", "saisie", "partenaire".</summary>
    public static string Name(AccessRole role) => role switch
    {
        AccessRole.Administrator => "administrateur",
        AccessRole.National => "national",
        AccessRole.TerritoryTeam => "equipe-cite",
        AccessRole.DataEntry => "saisie",
        AccessRole.Partner => "partenaire",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>What a role may see, in one French sentence.</summary>
    public static string Description(AccessRole role) => role switch
    {
        AccessRole.Administrator => "tous les territoires, résultats complets, API des tâches",
        AccessRole.National => "tous les territoires, tableaux publiés seulement, sous secret statistique",
        AccessRole.TerritoryTeam => "ses territoires, résultats complets de leurs protocoles",
        AccessRole.DataEntry => "ses territoires, saisie et import des données, aucun résultat",
        AccessRole.Partner => "ses territoires, tableaux publiés seulement, sous secret statistique",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Reads a role from its French name (case-insensitive; "équipe-cité" with accents is accepted).</summary>
    /// <param name="text">The name typed by the user.</param>
    /// <param name="role">The role, when the name is known.</param>
    public static bool TryParse(string? text, out AccessRole role)
    {
        var wanted = (text ?? "").Trim().ToLowerInvariant().Replace('é', 'e');
        foreach (var candidate in All)
        {
            if (Name(candidate) != wanted) continue;
            role = candidate;
            return true;
        }
        role = default;
        return false;
    }

    /// <summary>Whether a role sees every territory (no territory is granted to it).</summary>
    public static bool SeesEveryTerritory(AccessRole role) => role is AccessRole.Administrator or AccessRole.National;

    /// <summary>How much of a protocol's results a role sees.</summary>
    public static ResultDetail ResultDetailOf(AccessRole role) => role switch
    {
        AccessRole.Administrator or AccessRole.TerritoryTeam => ResultDetail.FullResults,
        AccessRole.DataEntry => ResultDetail.None,
        _ => ResultDetail.PublishedTables,
    };

    /// <summary>
    /// Whether a role may do something, on the territories it sees: the one table of who may do what, read by the
    /// authorization layer of the web application and of the API.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <param name="permission">What is asked.</param>
    public static bool Allows(AccessRole role, AccessPermission permission) => permission switch
    {
        AccessPermission.SeeProtocols => true,
        AccessPermission.SeeParticipants or AccessPermission.EnterData =>
            role is AccessRole.Administrator or AccessRole.TerritoryTeam or AccessRole.DataEntry,
        AccessPermission.ManageCohort or AccessPermission.ManageProtocols or AccessPermission.SeeAudit =>
            role is AccessRole.Administrator or AccessRole.TerritoryTeam,
        AccessPermission.SeeResults => ResultDetailOf(role) != ResultDetail.None,
        AccessPermission.SeeNational => role is AccessRole.Administrator or AccessRole.National,
        AccessPermission.Administer => role is AccessRole.Administrator,
        _ => false,
    };
}
