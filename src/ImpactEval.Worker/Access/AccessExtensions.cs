using ImpactEval.Data.Entities;
using ImpactEval.Reporting;
using ImpactEval.Worker.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Access;

/// <summary>The HTTP API's access control and the services of the data API.</summary>
public static class AccessExtensions
{
    /// <summary>
    /// Registers API-key authentication (<see cref="ApiKeyAuthenticationHandler"/>), the authorization policies (every
    /// endpoint needs a valid key unless it allows anonymous access, like /health; the jobs API needs an administrator),
    /// the first-start administrator key (<see cref="AdministratorKeyBootstrap"/>, after the store initializer), and
    /// the data API's services. The web host adds the authentication and authorization middleware by itself once
    /// these services exist.
    /// </summary>
    public static IHostApplicationBuilder AddApiAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        // AddAuthenticationCore rather than AddAuthentication: the latter also registers data protection, which this API
        // does not use (no cookies) and which would write a key ring under the service account's home at start.
        builder.Services.AddWebEncoders();
        builder.Services.AddAuthenticationCore(authentication => authentication.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(builder.Services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.Administrator, policy => policy.RequireRole(nameof(AccessRole.Administrator)))
            // Any authenticated principal with the role passes, whatever scheme signed it in (API key now, web sign-in later).
            .AddPolicy(AccessPolicies.JobsDashboard, policy => policy.RequireRole(nameof(AccessRole.Administrator), nameof(AccessRole.National)));
        builder.Services.AddHostedService<AdministratorKeyBootstrap>();

        // The process's renderer (shared with the scheduled reports): it caches compiled templates and is thread-safe.
        builder.Services.AddSingleton(_ => ReportRenderer.For(null));
        builder.Services.AddScoped<ProtocolResults>();
        return builder;
    }
}
