using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImpactEval.Worker.Health;

/// <summary>GET /health: 200 when the store and the scheduler are healthy, 503 otherwise, with each check's state as JSON.</summary>
public static class HealthEndpoint
{
    /// <summary>Maps /health.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        // Open without a key: load balancers and monitoring probe it; it tells nothing about the data.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithName("Health").AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
