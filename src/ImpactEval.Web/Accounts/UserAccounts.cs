using System.Collections.Immutable;
using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Accounts;

/// <summary>A web user as the command line and the administration page list it (never its password hash).</summary>
/// <param name="Id">The user's key.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Role">Its role.</param>
/// <param name="Territories">The codes of its cités, sorted (empty for roles that see every cité).</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="DisabledAt">When it was disabled (UTC), or null.</param>
/// <param name="DisabledBy">Who disabled it.</param>
/// <param name="LockedUntil">Until when it is locked after wrong passwords, or null.</param>
public sealed record UserView(int Id, string Name, AccessRole Role, ImmutableArray<string> Territories, DateTime CreatedAt, string CreatedBy,
    DateTime? DisabledAt, string? DisabledBy, DateTimeOffset? LockedUntil);

/// <summary>What a change to a user did, in French.</summary>
/// <param name="Done">Whether it was done.</param>
/// <param name="Messages">What was done, or every reason it was refused.</param>
public sealed record UserOutcome(bool Done, ImmutableArray<string> Messages)
{
    /// <summary>A refusal.</summary>
    public static UserOutcome Refused(params IEnumerable<string> problems) => new(false, [.. problems]);
}

/// <summary>
/// The web application's users: created with a role and cités (<see cref="AccessGrant"/>, the same rules as API keys),
/// listed, granted another role, disabled, and given a one-time password-reset link. Passwords are hashed by ASP.NET
/// Core Identity (PBKDF2); every change is audited. What <c>impacteval user</c> and the administration pages call.
/// </summary>
public sealed class UserAccounts(ImpactEvalDbContext db, UserManager<User> users, TimeProvider clock)
{
    /// <summary>The audit action of a user created.</summary>
    public const string AddAction = "user.add";

    /// <summary>The audit action of a user's role or cités changed.</summary>
    public const string GrantAction = "user.grant";

    /// <summary>The audit action of a user disabled.</summary>
    public const string DisableAction = "user.disable";

    /// <summary>The audit action of a reset link generated.</summary>
    public const string ResetLinkAction = "user.reset-link";

    /// <summary>The audit action of a password set through a reset link.</summary>
    public const string PasswordAction = "user.password";

    /// <summary>Creates a user with its password (refused when the name is taken or the password too weak).</summary>
    /// <param name="name">The user's name (e.g. "cpo-valbrune", "m.dupont").</param>
    /// <param name="role">Its role.</param>
    /// <param name="territoryCodes">Its cités (none for administrator and national).</param>
    /// <param name="password">The password, checked against the password rules.</param>
    /// <param name="actor">Who creates it (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<UserOutcome> AddAsync(string name, AccessRole role, IReadOnlyCollection<string> territoryCodes, string password, string actor,
        CancellationToken cancellationToken = default)
    {
        var grant = await AccessGrant.CheckAsync(db, name, role, territoryCodes, cancellationToken);
        var problems = grant.Problems.ToList();
        if (await users.FindByNameAsync(grant.Name) is not null) problems.Add($"Un utilisateur « {grant.Name} » existe déjà.");
        var user = new User { UserName = grant.Name, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor, LockoutEnabled = true };
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        if (problems.Count > 0) return UserOutcome.Refused(problems);

        user.Territories.AddRange(grant.Territories.Select(t => new UserTerritory { TerritoryId = t.Id }));
        AuditTrail.Add(db, user.CreatedAt, actor, AddAction, grant.Territories.Length == 1 ? grant.Territories[0].Id : null, $"utilisateur « {grant.Name} »",
            $"rôle {AccessRoles.Name(role)} ; territoires : {grant.TerritoryText}");
        var created = await users.CreateAsync(user, password); // saves the user, its cités and the audit entry together
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return UserOutcome.Refused(created.Errors.Select(e => e.Description));
        }
        return new UserOutcome(true, [$"Utilisateur « {grant.Name} » créé : {AccessRoles.Name(role)} ({(grant.Codes.IsEmpty ? "toutes les cités" : grant.TerritoryText)})."]);
    }

    /// <summary>Gives a user another role and cités; its open sessions end at their next request.</summary>
    /// <param name="name">The user's name.</param>
    /// <param name="role">The new role.</param>
    /// <param name="territoryCodes">The new cités.</param>
    /// <param name="actor">Who grants (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<UserOutcome> GrantAsync(string name, AccessRole role, IReadOnlyCollection<string> territoryCodes, string actor, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(name, cancellationToken);
        if (user is null) return UserOutcome.Refused(Unknown(name));
        var grant = await AccessGrant.CheckAsync(db, user.UserName!, role, territoryCodes, cancellationToken);
        if (!grant.IsValid) return UserOutcome.Refused(grant.Problems);
        var before = $"{AccessRoles.Name(user.Role)} ({await TerritoryTextAsync(user.Id, cancellationToken)})";
        user.Role = role;
        user.Territories.RemoveAll(t => grant.Territories.All(g => g.Id != t.TerritoryId));
        user.Territories.AddRange(grant.Territories.Where(t => user.Territories.All(kept => kept.TerritoryId != t.Id)).Select(t => new UserTerritory { TerritoryId = t.Id }));
        AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, actor, GrantAction, grant.Territories.Length == 1 ? grant.Territories[0].Id : null,
            $"utilisateur « {user.UserName} »", $"{before} → {AccessRoles.Name(role)} ({grant.TerritoryText})");
        var updated = await users.UpdateSecurityStampAsync(user); // saves, and ends the sessions that carry the old role
        return updated.Succeeded
            ? new UserOutcome(true, [$"Utilisateur « {user.UserName} » : {AccessRoles.Name(role)} ({(grant.Codes.IsEmpty ? "toutes les cités" : grant.TerritoryText)})."])
            : UserOutcome.Refused(updated.Errors.Select(e => e.Description));
    }

    /// <summary>Disables a user: it can no longer sign in and its open sessions end; it stays listed.</summary>
    /// <param name="name">The user's name.</param>
    /// <param name="actor">Who disables (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<UserOutcome> DisableAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(name, cancellationToken);
        if (user is null) return UserOutcome.Refused(Unknown(name));
        if (user.DisabledAt is { } disabled)
            return new UserOutcome(true, [$"L’utilisateur « {user.UserName} » était déjà désactivé (le {disabled:dd/MM/yyyy HH:mm} UTC) : rien à faire."]);
        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        user.DisabledBy = actor;
        AuditTrail.Add(db, user.DisabledAt.Value, actor, DisableAction, null, $"utilisateur « {user.UserName} »", $"rôle {AccessRoles.Name(user.Role)}");
        var updated = await users.UpdateSecurityStampAsync(user);
        return updated.Succeeded
            ? new UserOutcome(true, [$"Utilisateur « {user.UserName} » désactivé : il ne peut plus se connecter et ses sessions sont closes."])
            : UserOutcome.Refused(updated.Errors.Select(e => e.Description));
    }

    /// <summary>Every user, enabled ones first, then by name.</summary>
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.UserName, u.Role, u.CreatedAt, u.CreatedBy, u.DisabledAt, u.DisabledBy, u.LockoutEnd,
                Territories = db.UserTerritories.Where(t => t.UserId == u.Id).Join(db.Territories, t => t.TerritoryId, t => t.Id, (_, t) => t.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.OrderBy(u => u.DisabledAt is not null).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new UserView(u.Id, u.UserName!, u.Role, [.. u.Territories.Order(StringComparer.Ordinal)], u.CreatedAt, u.CreatedBy, u.DisabledAt, u.DisabledBy,
                u.LockoutEnd > now ? u.LockoutEnd : null))];
    }

    /// <summary>
    /// A one-time password-reset token for a user (valid <see cref="WebOptions.ResetLinkLifetime"/>, and only until the
    /// password changes); audited. The administrator hands the link over; nothing is sent by e-mail.
    /// </summary>
    /// <param name="name">The user's name.</param>
    /// <param name="actor">Who asks (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The user's key and the token, or a French problem.</returns>
    public async Task<(int UserId, string? Token, string? Problem)> ResetTokenAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(name, cancellationToken);
        if (user is null) return (0, null, Unknown(name));
        if (user.DisabledAt is not null) return (user.Id, null, $"L’utilisateur « {user.UserName} » est désactivé : un lien de réinitialisation ne lui servirait pas.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, actor, ResetLinkAction, null, $"utilisateur « {user.UserName} »", "lien de réinitialisation du mot de passe à usage unique");
        await db.SaveChangesAsync(cancellationToken);
        return (user.Id, token, null);
    }

    /// <summary>Sets a new password with a reset token (the token then stops working); unlocks the account; audited.</summary>
    /// <param name="userId">The user's key (from the link).</param>
    /// <param name="token">The token (from the link).</param>
    /// <param name="password">The new password.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<UserOutcome> ResetPasswordAsync(int userId, string token, string password, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Include(u => u.Territories).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.DisabledAt is not null) return UserOutcome.Refused(new FrenchIdentityErrors().InvalidToken().Description);
        AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, AccessScope.Web + ":" + user.UserName, PasswordAction, null, $"utilisateur « {user.UserName} »",
            "mot de passe changé par un lien de réinitialisation");
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            db.ChangeTracker.Clear();
            return UserOutcome.Refused(reset.Errors.Select(e => e.Description));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new UserOutcome(true, ["Mot de passe enregistré : vous pouvez vous connecter."]);
    }

    private Task<User?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(name.Trim());
        return db.Users.Include(u => u.Territories).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    private async Task<string> TerritoryTextAsync(int userId, CancellationToken cancellationToken)
    {
        var codes = await db.UserTerritories.Where(t => t.UserId == userId).Join(db.Territories, t => t.TerritoryId, t => t.Id, (_, t) => t.Code)
            .OrderBy(c => c).ToListAsync(cancellationToken);
        return codes.Count == 0 ? "tous" : string.Join(", ", codes);
    }

    private static string Unknown(string name) => $"Aucun utilisateur ne s’appelle « {name.Trim()} » (impacteval user list les montre tous).";
}
