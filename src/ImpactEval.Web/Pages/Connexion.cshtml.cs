using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages;

/// <summary>
/// The sign-in page: name and password checked by Identity (PBKDF2 hash; lockout after <see cref="WebOptions.MaxFailedSignIns"/>
/// wrong passwords in a row), rate-limited per client address; every success and failure is audited with the account.
/// </summary>
[EnableRateLimiting(WebApplicationExtensions.SignInRateLimit)]
public sealed class ConnexionModel(SignInManager<User> signIn, ImpactEvalDbContext db, TimeProvider clock, IOptions<WebOptions> options) : PageModel
{
    /// <summary>The audit action of a successful sign-in.</summary>
    public const string SuccessAction = "signin.success";

    /// <summary>The audit action of a refused sign-in.</summary>
    public const string FailureAction = "signin.failure";

    /// <summary>The audit action of a sign-in refused because the account is locked.</summary>
    public const string LockedAction = "signin.locked";

    /// <summary>The name typed (shown again after an error).</summary>
    [BindProperty] public string Nom { get; set; } = "";

    /// <summary>The password typed (never shown again).</summary>
    [BindProperty] public string MotDePasse { get; set; } = "";

    /// <summary>Where to go once signed in (a local address).</summary>
    [BindProperty(SupportsGet = true)] public string? Retour { get; set; }

    /// <summary>The form's errors.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Wrong passwords before lockout.</summary>
    public int MaxFailures => options.Value.MaxFailedSignIns;

    /// <summary>Lockout duration in minutes.</summary>
    public int LockoutMinutes => (int)Math.Ceiling(options.Value.LockoutDuration.TotalMinutes);

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the name and password and opens the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        Nom = Nom.Trim();
        if (Nom.Length == 0) Errors.Add("nom", "Indiquez votre nom d’utilisateur.");
        if (MotDePasse.Length == 0) Errors.Add("mot-de-passe", "Indiquez votre mot de passe.");
        if (Errors.Any) return Page();

        var user = await signIn.UserManager.FindByNameAsync(Nom);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, MotDePasse, isPersistent: false, lockoutOnFailure: true);
        var actor = user is null ? "web:inconnu" : "web:" + user.UserName;
        var now = clock.GetUtcNow().UtcDateTime;
        if (result.Succeeded)
        {
            AuditTrail.Add(db, now, actor, SuccessAction, null, $"utilisateur « {user!.UserName} »", "connexion au service web");
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(Retour) ? Retour! : "/");
        }
        db.ChangeTracker.Clear();
        if (result.IsLockedOut)
        {
            AuditTrail.Add(db, now, actor, LockedAction, null, $"utilisateur « {user!.UserName} »", "connexion refusée : compte verrouillé");
            Errors.Add("mot-de-passe", $"Ce compte est verrouillé après {MaxFailures} erreurs de mot de passe : réessayez dans {LockoutMinutes} minutes, " +
                                      "ou demandez un lien de réinitialisation à un administrateur.");
        }
        else if (result.IsNotAllowed)
        {
            AuditTrail.Add(db, now, actor, FailureAction, null, $"utilisateur « {user!.UserName} »", "connexion refusée : compte désactivé");
            Errors.Add("nom", "Ce compte est désactivé. Adressez-vous à un administrateur.");
        }
        else
        {
            // The name typed is not recorded when no account has it: it could be a password typed in the wrong field.
            AuditTrail.Add(db, now, actor, FailureAction, null, user is null ? "nom d’utilisateur inconnu" : $"utilisateur « {user.UserName} »",
                user is null ? "connexion refusée" : $"connexion refusée : mot de passe incorrect ({await signIn.UserManager.GetAccessFailedCountAsync(user)} erreur(s) de suite)");
            Errors.Add("mot-de-passe", "Nom d’utilisateur ou mot de passe incorrect.");
        }
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        MotDePasse = "";
        return Page();
    }
}
