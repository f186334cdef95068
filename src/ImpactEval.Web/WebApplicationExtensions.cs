using System.Threading.RateLimiting;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Web.Accounts;
using ImpactEval.Web.Authorization;
using ImpactEval.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web;

/// <summary>
/// The web application in the worker's host: French Razor Pages for cités, ANCT and administrators, behind ASP.NET Core
/// Identity accounts and the one authorization layer (<see cref="AccessHandler"/>). The host calls
/// <see cref="AddWebApplication"/> after its own services (it needs the store's context and its factory) and
/// <see cref="MapWebApplication"/> right after building.
/// </summary>
public static class WebApplicationExtensions
{
    /// <summary>The rate-limiting policy of the sign-in form.</summary>
    public const string SignInRateLimit = "connexion";

    /// <summary>
    /// Registers the pages, accounts (Identity, session cookie, data protection on the store), the authentication
    /// selector (session cookie for the browser, API key for Bearer requests), the policies, antiforgery and the sign-in
    /// rate limiter. Reads <see cref="WebOptions"/> from the "Web" section.
    /// </summary>
    public static IHostApplicationBuilder AddWebApplication(this IHostApplicationBuilder builder)
    {
        // Request lines carry one-time reset tokens in their query strings: the host's per-request log must not keep them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var secure = CookiePolicy(builder);
        services.TryAddSingletonTimeProvider();
        // The pseudonymiser of the forms (an identifier typed is turned into its pseudonym, never stored): the same key
        // as the command line's imports (Pseudonymisation:Key, Pseudonymisation:KeyFile or <data>/pseudonymisation.key).
        services.AddOptions<PseudonymisationOptions>().BindConfiguration(PseudonymisationOptions.Section);
        services.AddSingleton(provider => new Pseudonymiser(provider.GetRequiredService<IOptions<PseudonymisationOptions>>().Value
            .LoadKey(provider.GetRequiredService<IOptions<ImpactEval.Data.StoreOptions>>().Value.DataDirectory)));

        services.AddUserAccounts(options).AddSignInManager();
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = WebAuthentication.Selector;
                authentication.DefaultChallengeScheme = WebAuthentication.Selector;
                authentication.DefaultForbidScheme = WebAuthentication.Selector;
            })
            .AddPolicyScheme(WebAuthentication.Selector, "Session ou clé d’API", selector => selector.ForwardDefaultSelector = WebAuthentication.SchemeFor)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "impacteval-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = options.SessionTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/connexion";
            cookie.LogoutPath = "/deconnexion";
            cookie.ReturnUrlParameter = "retour";
            // A signed-in account without the permission gets a French 403 page, not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HiddenAsNotFound>();
        services.AddAuthorizationBuilder().AddWebPolicies();

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "impacteval-formulaire";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.FormFieldName = "__jeton";
        });
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
        });

        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/Pages";
                // Every page needs a signed-in account unless it says otherwise; each page also names its permission.
                pages.Conventions.AuthorizeFolder("/", WebPolicies.SignedIn);
                pages.Conventions.AllowAnonymousToPage("/Connexion");
                pages.Conventions.AllowAnonymousToPage("/Erreur");
                pages.Conventions.AllowAnonymousToPage("/Reinitialisation");
            })
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(WebApplicationExtensions).Assembly;
                if (parts.ApplicationParts.Any(p => p is AssemblyPart part && part.Assembly == assembly)) return;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly)) parts.ApplicationParts.Add(part);
            });
        return builder;
    }

    /// <summary>
    /// Adds the web application's middleware in front of every endpoint of the host — security headers, French error
    /// pages (or French problem details for API requests), the static files, routing, the rate limiter, authentication
    /// and authorization — and maps the pages. Call it right after <c>Build()</c>, before mapping other endpoints.
    /// </summary>
    public static WebApplication MapWebApplication(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.TrustForwardedHeaders)
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseMiddleware<SecurityHeaders>();
        app.UseWhen(ErrorMessages.WantsProblem, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => ErrorMessages.WriteProblemAsync(context),
                StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = context => ErrorMessages.WriteProblemAsync(context.HttpContext) });
        });
        app.UseWhen(context => !ErrorMessages.WantsProblem(context), pages =>
        {
            pages.UseExceptionHandler("/erreur/500");
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebApplicationExtensions).Assembly, "ImpactEval.Web.wwwroot"),
            RequestPath = SecurityHeaders.StaticPath,
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Session and antiforgery cookies carry Secure outside Development. The exception is a host that listens on loopback
    /// HTTP only (<c>impacteval serve</c> on http://127.0.0.1:5080, the tests): nothing leaves the machine, browsers treat
    /// loopback as a secure context, and the cookies follow the request's scheme. A host reachable from the network is
    /// expected behind TLS — Kestrel with a certificate, or a reverse proxy whose X-Forwarded-Proto is trusted
    /// (<see cref="WebOptions.TrustForwardedHeaders"/>).
    /// </summary>
    private static CookieSecurePolicy CookiePolicy(IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return CookieSecurePolicy.SameAsRequest;
        var urls = (builder.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var loopbackOnly = urls.Length > 0 && urls.All(url =>
            Uri.TryCreate(url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || uri.Host == "localhost"));
        return loopbackOnly ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
