using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace ImpactEval.Web.Accounts;

/// <summary>A disabled user cannot sign in (Identity's "confirmed account" check, with <c>RequireConfirmedAccount</c>).</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<User>
{
    /// <inheritdoc />
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(user.DisabledAt is null);
}
