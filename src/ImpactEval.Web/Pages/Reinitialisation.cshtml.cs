using ImpactEval.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages;

/// <summary>Sets a new password from the one-time link an administrator generated (<see cref="UserAccounts.ResetTokenAsync"/>).</summary>
[EnableRateLimiting(WebApplicationExtensions.SignInRateLimit)]
public sealed class ReinitialisationModel(UserAccounts accounts, IOptions<WebOptions> options) : PageModel
{
    /// <summary>The user's key, from the link.</summary>
    [BindProperty(SupportsGet = true)] public int Compte { get; set; }

    /// <summary>The token, from the link.</summary>
    [BindProperty(SupportsGet = true)] public string Jeton { get; set; } = "";

    /// <summary>The new password.</summary>
    [BindProperty] public string MotDePasse { get; set; } = "";

    /// <summary>The same, again.</summary>
    [BindProperty] public string Confirmation { get; set; } = "";

    /// <summary>The form's errors.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Whether the password was changed.</summary>
    public bool Done { get; private set; }

    /// <summary>What was done.</summary>
    public string? Message { get; private set; }

    /// <summary>The shortest password accepted.</summary>
    public int MinimumLength => options.Value.PasswordMinimumLength;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and the token, then sets the password.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (MotDePasse != Confirmation) Errors.Add("confirmation", "Les deux mots de passe ne sont pas identiques.");
        if (MotDePasse.Length == 0) Errors.Add("mot-de-passe", "Indiquez un mot de passe.");
        if (Errors.Any) return Page();
        var outcome = await accounts.ResetPasswordAsync(Compte, Jeton, MotDePasse, HttpContext.RequestAborted);
        if (!outcome.Done)
        {
            foreach (var message in outcome.Messages) Errors.Add("mot-de-passe", message);
            return Page();
        }
        Done = true;
        Message = outcome.Messages[0];
        return Page();
    }
}
