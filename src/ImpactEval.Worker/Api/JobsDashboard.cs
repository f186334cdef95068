using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Access;

namespace ImpactEval.Worker.Api;

/// <summary>
/// Hangfire's dashboard at <c>/admin/travaux</c>, in French: queues, running, scheduled, succeeded and failed jobs,
/// recurring jobs, servers. Behind one authorization policy (<see cref="AccessPolicies.JobsDashboard"/>): any
/// authenticated principal — an API key today, a web sign-in later — whose role is administrator (full control:
/// trigger, requeue, delete) or national (read only). Anonymous requests get 401 (or the sign-in's redirect), other
/// roles 403. The dashboard serves its own scripts and styles from Hangfire's assembly (no CDN).
/// </summary>
public static class JobsDashboard
{
    /// <summary>Where the dashboard is mounted.</summary>
    public const string Path = "/admin/travaux";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Maps the dashboard.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this WebApplication app)
    {
        // Hangfire picks its texts by the request's UI culture: the dashboard speaks French whatever the server's locale.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path)) CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = French;
            return next(context);
        });
        app.MapHangfireDashboardWithAuthorizationPolicy(AccessPolicies.JobsDashboard, Path, new DashboardOptions
        {
            DashboardTitle = "ImpactEval — travaux",
            AppPath = null,
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = IsReadOnly,
        }).WithName("JobsDashboard");
        return app;
    }

    /// <summary>Read only for every role but administrator (the policy lets only administrator and national in).</summary>
    public static bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.IsInRole(nameof(AccessRole.Administrator));
}
