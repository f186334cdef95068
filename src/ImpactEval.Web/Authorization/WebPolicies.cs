using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Authorization;

namespace ImpactEval.Web.Authorization;

/// <summary>
/// The authorization policies of the pages and of the API's data routes: one per <see cref="AccessPermission"/>, each
/// checked by <see cref="AccessHandler"/>, plus <see cref="SignedIn"/> (any account, route's cité visible). No policy
/// names a scheme: the request's account comes from the default scheme (the session cookie, or the API key of a Bearer
/// request, see <see cref="WebAuthentication"/>).
/// </summary>
public static class WebPolicies
{
    /// <summary>Any signed-in account (the cité of the route, if any, must be visible).</summary>
    public const string SignedIn = "connecte";

    /// <summary><see cref="AccessPermission.SeeProtocols"/>.</summary>
    public const string SeeProtocols = "voir-protocoles";

    /// <summary><see cref="AccessPermission.SeeParticipants"/>.</summary>
    public const string SeeParticipants = "voir-participants";

    /// <summary><see cref="AccessPermission.EnterData"/>.</summary>
    public const string EnterData = "saisir";

    /// <summary><see cref="AccessPermission.ManageCohort"/>.</summary>
    public const string ManageCohort = "gerer-cohorte";

    /// <summary><see cref="AccessPermission.ManageProtocols"/>.</summary>
    public const string ManageProtocols = "gerer-protocoles";

    /// <summary><see cref="AccessPermission.SeeResults"/>.</summary>
    public const string SeeResults = "voir-resultats";

    /// <summary><see cref="AccessPermission.SeeAudit"/>.</summary>
    public const string SeeAudit = "voir-journal";

    /// <summary><see cref="AccessPermission.SeeNational"/>.</summary>
    public const string SeeNational = "voir-national";

    /// <summary><see cref="AccessPermission.Administer"/>.</summary>
    public const string Administer = "administrer";

    /// <summary>The policy of each permission.</summary>
    public static IReadOnlyDictionary<AccessPermission, string> ByPermission { get; } = new Dictionary<AccessPermission, string>
    {
        [AccessPermission.SeeProtocols] = SeeProtocols,
        [AccessPermission.SeeParticipants] = SeeParticipants,
        [AccessPermission.EnterData] = EnterData,
        [AccessPermission.ManageCohort] = ManageCohort,
        [AccessPermission.ManageProtocols] = ManageProtocols,
        [AccessPermission.SeeResults] = SeeResults,
        [AccessPermission.SeeAudit] = SeeAudit,
        [AccessPermission.SeeNational] = SeeNational,
        [AccessPermission.Administer] = Administer,
    };

    /// <summary>Adds every policy.</summary>
    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(null)));
        foreach (var (permission, name) in ByPermission)
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(permission)));
        return authorization;
    }
}
