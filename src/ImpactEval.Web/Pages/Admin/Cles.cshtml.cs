using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages.Admin;

/// <summary>API keys: list, grant (the key shown once), revoke — through <see cref="AccountRegistry"/>, audited there.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class ClesModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>The accounts.</summary>
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    /// <summary>The name typed.</summary>
    [BindProperty] public string Nom { get; set; } = "";

    /// <summary>The role chosen.</summary>
    [BindProperty] public string? Role { get; set; }

    /// <summary>The cités typed.</summary>
    [BindProperty] public string? Cites { get; set; }

    /// <summary>The outcome.</summary>
    public string? Message { get; private set; }

    /// <summary>A key just granted, shown once.</summary>
    public string? Key { get; private set; }

    /// <summary>A UTC time in local time.</summary>
    public string Local(DateTime utc) => clock.Format(utc);

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync() => Accounts = await new AccountRegistry(db).ListAsync(HttpContext.RequestAborted);

    /// <summary>Grants a key.</summary>
    public async Task<IActionResult> OnPostCreerAsync()
    {
        if (!AccessRoles.TryParse(Role, out var role)) Errors.Add("role", $"Rôle inconnu « {Role} ».");
        else
        {
            var codes = (Cites ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var outcome = await new AccountRegistry(db).GrantAsync(Nom, role, codes, Scope.Actor, HttpContext.RequestAborted);
            if (outcome.Granted)
            {
                Message = $"Compte « {Nom.Trim()} » créé : {AccessRoles.Name(role)}.";
                Key = outcome.Key!.Text;
            }
            else foreach (var problem in outcome.Problems) Errors.Add(problem.Contains("cité", StringComparison.Ordinal) ? "cites" : "nom", problem);
        }
        await OnGetAsync();
        return Page();
    }

    /// <summary>Revokes a key.</summary>
    public async Task<IActionResult> OnPostRevoquerAsync()
    {
        Message = (await new AccountRegistry(db).RevokeAsync(Nom, Scope.Actor, HttpContext.RequestAborted)).Message;
        await OnGetAsync();
        return Page();
    }
}
