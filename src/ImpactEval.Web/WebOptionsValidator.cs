using Microsoft.Extensions.Options;

namespace ImpactEval.Web;

/// <summary>Checks <see cref="WebOptions"/> at start, with French messages naming the setting.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var problems = new List<string>();
        if (options.SessionTimeout < TimeSpan.FromMinutes(1) || options.SessionTimeout > TimeSpan.FromHours(12))
            problems.Add($"Web:SessionTimeout doit être compris entre 00:01:00 et 12:00:00 (durée d’inactivité d’une session), pas {options.SessionTimeout}.");
        if (options.MaxFailedSignIns is < 1 or > 100)
            problems.Add($"Web:MaxFailedSignIns doit être compris entre 1 et 100, pas {options.MaxFailedSignIns}.");
        if (options.LockoutDuration <= TimeSpan.Zero)
            problems.Add($"Web:LockoutDuration doit être une durée positive (par exemple 00:15:00), pas {options.LockoutDuration}.");
        if (options.SignInAttemptsPerMinute < 1)
            problems.Add($"Web:SignInAttemptsPerMinute doit être au moins 1, pas {options.SignInAttemptsPerMinute}.");
        if (options.PasswordMinimumLength is < 8 or > 128)
            problems.Add($"Web:PasswordMinimumLength doit être compris entre 8 et 128, pas {options.PasswordMinimumLength}.");
        if (options.ResetLinkLifetime < TimeSpan.FromMinutes(5))
            problems.Add($"Web:ResetLinkLifetime doit durer au moins 00:05:00, pas {options.ResetLinkLifetime}.");
        if (options.RosterPageSize is < 10 or > 500)
            problems.Add($"Web:RosterPageSize doit être compris entre 10 et 500, pas {options.RosterPageSize}.");
        if (options.MaxUploadBytes < 1024)
            problems.Add($"Web:MaxUploadBytes doit être au moins 1024 octets, pas {options.MaxUploadBytes}.");
        if (options.SuppressionThreshold < 1)
            problems.Add($"Web:SuppressionThreshold doit être au moins 1, pas {options.SuppressionThreshold}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
