using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages;

/// <summary>Closes the session (a POST with its antiforgery token; GET shows a button).</summary>
[Authorize(Policy = WebPolicies.SignedIn)]
public sealed class DeconnexionModel(SignInManager<User> signIn, ImpactEvalDbContext db, TimeProvider clock) : AppPageModel
{
    /// <summary>The audit action of a sign-out.</summary>
    public const string Action = "signout";

    /// <summary>Shows the button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and goes back to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, Scope.Actor, Action, null, $"utilisateur « {Scope.Name} »", "déconnexion");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return Redirect("/connexion");
    }
}
