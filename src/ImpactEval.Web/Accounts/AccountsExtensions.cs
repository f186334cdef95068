using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactEval.Web.Accounts;

/// <summary>The user accounts' services, shared by the web application and the command line.</summary>
public static class AccountsExtensions
{
    /// <summary>
    /// Registers ASP.NET Core Identity's user manager on the store (users only, no Identity roles: the role is a column
    /// read by the one authorization layer), its French messages, the password and lockout rules of
    /// <paramref name="options"/>, and <see cref="UserAccounts"/>. The caller registers <see cref="ImpactEvalDbContext"/> (scoped) and its <see cref="IDbContextFactory{TContext}"/>.
    /// </summary>
    public static IdentityBuilder AddUserAccounts(this IServiceCollection services, WebOptions options)
    {
        services.AddScoped<IUserStore<User>, UserOnlyStore<User, ImpactEvalDbContext, int>>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<IUserConfirmation<User>, EnabledUserConfirmation>();
        services.AddScoped<IUserClaimsPrincipalFactory<User>, UserPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = options.ResetLinkLifetime);
        // Reset links, session cookies and antiforgery tokens are protected with the key ring kept in the store, which the
        // command line and every node share. The caller registers IDbContextFactory<ImpactEvalDbContext>.
        services.AddDataProtection().SetApplicationName("ImpactEval");
        services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<ImpactEvalDbContext>>((keys, contexts) => keys.XmlRepository = new StoreKeyRing(contexts));
        return services.AddIdentityCore<User>(identity =>
            {
                identity.Password.RequiredLength = options.PasswordMinimumLength;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled (EnabledUserConfirmation)
                identity.User.AllowedUserNameCharacters = ""; // the name's form is checked by AccessGrant (letters with accents allowed)
                identity.Stores.MaxLengthForKeys = 0;
            })
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddDefaultTokenProviders();
    }
}
