using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Access;

namespace ImpactEval.Worker.Api;

/// <summary>
/// Audits the API calls that have no audit of their own — the protocol list, the jobs API — with the account's name:
/// one entry per call, once the handler has answered, naming the route, the request and the status. (Reads of estimates,
/// reports and datasets record richer entries themselves.)
/// </summary>
public static class ApiAudit
{
    /// <summary>The audit action of a call: "api." followed by the endpoint's name ("api.ListProtocols").</summary>
    public static string Action(string endpoint) => "api." + endpoint;

    /// <summary>Adds the audit filter to every endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "inconnu";
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
            var db = http.RequestServices.GetRequiredService<ImpactEvalDbContext>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, AccessClaims.Scope(http.User).Actor, Action(endpoint), null,
                $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}", $"réponse {status}");
            await db.SaveChangesAsync(http.RequestAborted);
            return result;
        });
        return builder;
    }
}
