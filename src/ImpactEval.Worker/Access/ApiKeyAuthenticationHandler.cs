using System.Text.Encodings.Web;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Access;

/// <summary>
/// Authenticates requests carrying <c>Authorization: Bearer &lt;clé&gt;</c> against the API accounts of the store
/// (<see cref="AccountRegistry.AuthenticateAsync"/>: one indexed lookup, constant-time comparison of the hash; a
/// revoked key is refused at its next request). Answers 401 and 403 with French problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ImpactEvalDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = AccessClaims.ApiKeyScheme;

    private const string BearerPrefix = "Bearer ";
    private const string NotBearer = "L'en-tête Authorization doit avoir la forme « Bearer <clé> ».";
    private const string Refused = "Cette clé d'API est inconnue ou a été révoquée.";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail(NotBearer);
        var scope = await new AccountRegistry(db).AuthenticateAsync(header[BearerPrefix.Length..], Context.RequestAborted);
        return scope is null
            ? AuthenticateResult.Fail(Refused)
            : AuthenticateResult.Success(new AuthenticationTicket(AccessClaims.Principal(scope, SchemeName), SchemeName));
    }

    /// <summary>401: no key, or a key that is not accepted (RFC 6750 <c>WWW-Authenticate: Bearer</c>).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var missing = result.None;
        Response.Headers.WWWAuthenticate = missing ? "Bearer" : "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(
            title: missing ? "Clé d'API requise" : "Clé d'API refusée",
            detail: missing
                ? "Cette ressource demande une clé d'API : ajoutez l'en-tête « Authorization: Bearer <clé> ». Un administrateur en crée une avec « impacteval access grant »."
                : result.Failure?.Message ?? Refused,
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    /// <summary>403: a valid key whose role does not allow the resource.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(
            title: "Accès refusé",
            detail: $"La clé du compte « {Context.User.Identity?.Name} » (rôle « {AccessClaims.RoleName(Context.User)} ») ne donne pas accès à cette ressource.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
}
