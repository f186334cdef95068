using ImpactEval.Collection;
using System.Security.Cryptography;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.Web.Accounts;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages.Admin;

/// <summary>Users: list, create (with a one-time link to choose the password), change role and cités, disable, reset link — through <see cref="UserAccounts"/>.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class UtilisateursModel(UserAccounts accounts, LocalClock clock) : AppPageModel
{
    /// <summary>The users.</summary>
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    /// <summary>The name typed.</summary>
    [BindProperty] public string Nom { get; set; } = "";

    /// <summary>The role chosen (French name).</summary>
    [BindProperty] public string? Role { get; set; }

    /// <summary>The cités typed.</summary>
    [BindProperty] public string? Cites { get; set; }

    /// <summary>The outcome.</summary>
    public string? Message { get; private set; }

    /// <summary>A one-time reset link, shown once.</summary>
    public string? Link { get; private set; }

    /// <summary>A UTC time in local time.</summary>
    public string Local(DateTime utc) => clock.Format(utc);

    /// <summary>Lists the users.</summary>
    public async Task OnGetAsync() => Users = await accounts.ListAsync(HttpContext.RequestAborted);

    /// <summary>Creates a user and shows the link to choose its password.</summary>
    public async Task<IActionResult> OnPostCreerAsync()
    {
        if (ReadRole("role") is { } role)
        {
            // A random password nobody knows: the user sets its own through the one-time link.
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "aA1";
            var outcome = await accounts.AddAsync(Nom, role, Codes(), password, Scope.Actor, HttpContext.RequestAborted);
            if (outcome.Done) await LinkAsync(Nom, outcome.Messages[0]);
            else foreach (var problem in outcome.Messages) Errors.Add(problem.Contains("cité", StringComparison.Ordinal) ? "cites" : "nom", problem);
        }
        return await ListAsync();
    }

    /// <summary>Changes a user's role and cités.</summary>
    public async Task<IActionResult> OnPostAttribuerAsync()
    {
        if (ReadRole("role-attribution") is { } role)
        {
            var outcome = await accounts.GrantAsync(Nom, role, Codes(), Scope.Actor, HttpContext.RequestAborted);
            if (outcome.Done) Message = outcome.Messages[0];
            else foreach (var problem in outcome.Messages) Errors.Add("cites-attribution", problem);
        }
        return await ListAsync();
    }

    /// <summary>Disables a user.</summary>
    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        var outcome = await accounts.DisableAsync(Nom, Scope.Actor, HttpContext.RequestAborted);
        Message = outcome.Messages[0];
        return await ListAsync();
    }

    /// <summary>Shows a one-time reset link for a user.</summary>
    public async Task<IActionResult> OnPostLienAsync()
    {
        await LinkAsync(Nom, $"Lien de réinitialisation créé pour « {Nom} ».");
        return await ListAsync();
    }

    private async Task LinkAsync(string name, string message)
    {
        var (id, token, problem) = await accounts.ResetTokenAsync(name, Scope.Actor, HttpContext.RequestAborted);
        if (token is null)
        {
            Errors.Add("nom", problem!);
            return;
        }
        Message = message;
        Link = ResetLink.For($"{Request.Scheme}://{Request.Host}", id, token);
    }

    private AccessRole? ReadRole(string field)
    {
        if (AccessRoles.TryParse(Role, out var role)) return role;
        Errors.Add(field, $"Rôle inconnu « {Role} ».");
        return null;
    }

    private string[] Codes() => (Cites ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<IActionResult> ListAsync()
    {
        Users = await accounts.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
