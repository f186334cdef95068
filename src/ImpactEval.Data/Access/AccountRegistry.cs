using System.Collections.Immutable;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Data.Access;

/// <summary>The outcome of granting a key.</summary>
/// <param name="Key">The key, to hand over once (only its hash is stored); null when refused.</param>
/// <param name="Problems">Why it was refused (French), each on its own; empty when granted.</param>
public sealed record GrantOutcome(IssuedKey? Key, ImmutableArray<string> Problems)
{
    /// <summary>Whether the key was granted.</summary>
    public bool Granted => Key is not null;
}

/// <summary>An account as <c>impacteval access list</c> shows it (never its key, only the key's public identifier).</summary>
/// <param name="Name">The account's name.</param>
/// <param name="Role">Its role.</param>
/// <param name="Territories">The codes of its territories, sorted (empty for roles that see every territory).</param>
/// <param name="KeyId">The public part of its key.</param>
/// <param name="CreatedAt">When it was granted (UTC).</param>
/// <param name="CreatedBy">Who granted it.</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null.</param>
/// <param name="RevokedBy">Who revoked it, or null.</param>
public sealed record AccountView(
    string Name, AccessRole Role, ImmutableArray<string> Territories, string KeyId, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, string? RevokedBy);

/// <summary>
/// API accounts: grants keys (a name, a role, territories), lists and revokes them, and recognises a presented key.
/// Every grant and revocation is audited ("access.grant", "access.revoke") in the same transaction.
/// </summary>
public sealed class AccountRegistry(ImpactEvalDbContext db)
{
    /// <summary>The audit action of a grant.</summary>
    public const string GrantAction = "access.grant";

    /// <summary>The audit action of a revocation.</summary>
    public const string RevokeAction = "access.revoke";

    /// <summary>
    /// Grants a new key. A name already in use by an active account is refused; the name of a revoked account may be
    /// granted again (a new key, the old one stays invalid).
    /// </summary>
    /// <param name="name">The account's name: letters, digits, ".", "-", "_", "@", at most 100 characters.</param>
    /// <param name="role">Its role.</param>
    /// <param name="territoryCodes">Codes of the cités it may see: at least one for territory team and partner, none for administrator and national.</param>
    /// <param name="actor">Who grants (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The key to hand over, or every problem in French.</returns>
    public async Task<GrantOutcome> GrantAsync(string name, AccessRole role, IReadOnlyCollection<string> territoryCodes, string actor, CancellationToken cancellationToken = default)
    {
        var grant = await AccessGrant.CheckAsync(db, name, role, territoryCodes, cancellationToken);
        var problems = grant.Problems.ToBuilder();
        (name, var territories) = (grant.Name, grant.Territories);
        var existing = await db.Accounts.Include(a => a.Territories).SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
        if (existing is { RevokedAt: null })
            problems.Add($"Un compte « {name} » existe déjà. Pour lui donner une nouvelle clé, révoquez-le d'abord (impacteval access revoke {name}).");
        if (problems.Count > 0) return new GrantOutcome(null, problems.ToImmutable());

        var key = AccessKeys.Generate();
        var now = DateTime.UtcNow;
        var account = existing ?? db.Accounts.Add(new Account { Name = name, KeyId = key.KeyId, KeyHash = key.Hash, CreatedBy = actor }).Entity;
        account.Role = role;
        account.KeyId = key.KeyId;
        account.KeyHash = key.Hash;
        account.CreatedAt = now;
        account.CreatedBy = actor;
        account.RevokedAt = null;
        account.RevokedBy = null;
        // Kept rows stay tracked as they are: removing and re-adding the same (account, territory) would conflict.
        account.Territories.RemoveAll(t => territories.All(granted => granted.Id != t.TerritoryId));
        account.Territories.AddRange(territories.Where(t => account.Territories.All(kept => kept.TerritoryId != t.Id))
            .Select(t => new AccountTerritory { TerritoryId = t.Id }));
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = actor, Action = GrantAction, TerritoryId = territories.Length == 1 ? territories[0].Id : null,
            Subject = $"compte « {name} »",
            Details = $"rôle {AccessRoles.Name(role)} ; territoires : {grant.TerritoryText} ; clé {key.KeyId}" +
                      (existing is null ? "" : " ; nom repris d'un compte révoqué"),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new GrantOutcome(key, []);
    }

    /// <summary>Revokes an account's key at once (its next request is refused); the account stays listed as revoked.</summary>
    /// <param name="name">The account's name.</param>
    /// <param name="actor">Who revokes (audit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A French message, and whether the account was found (true also when it was already revoked).</returns>
    public async Task<(bool Found, string Message)> RevokeAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Name == name.Trim(), cancellationToken);
        if (account is null) return (false, $"Aucun compte ne s'appelle « {name} » (impacteval access list les montre tous).");
        if (account.RevokedAt is { } revoked) return (true, $"Le compte « {account.Name} » était déjà révoqué (le {revoked:dd/MM/yyyy HH:mm} UTC) : rien à faire.");
        account.RevokedAt = DateTime.UtcNow;
        account.RevokedBy = actor;
        db.AuditEntries.Add(new AuditEntry
        {
            At = account.RevokedAt.Value, Actor = actor, Action = RevokeAction, Subject = $"compte « {account.Name} »",
            Details = $"rôle {AccessRoles.Name(account.Role)} ; clé {account.KeyId}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return (true, $"Clé du compte « {account.Name} » révoquée : elle est refusée dès maintenant.");
    }

    /// <summary>Every account, active ones first, then by name.</summary>
    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new
            {
                a.Name, a.Role, a.KeyId, a.CreatedAt, a.CreatedBy, a.RevokedAt, a.RevokedBy,
                Territories = db.AccountTerritories.Where(t => t.AccountId == a.Id)
                    .Join(db.Territories, t => t.TerritoryId, t => t.Id, (_, territory) => territory.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        return accounts
            .OrderBy(a => a.RevokedAt is not null).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new AccountView(a.Name, a.Role, [.. a.Territories.Order(StringComparer.Ordinal)], a.KeyId, a.CreatedAt, a.CreatedBy, a.RevokedAt, a.RevokedBy))
            .ToList();
    }

    /// <summary>Whether any account was ever granted (active or revoked): false only on a store that never had one.</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Accounts.AnyAsync(cancellationToken);

    /// <summary>The active account a presented key belongs to, or null (not a key, unknown, revoked, or wrong secret).</summary>
    /// <param name="presentedKey">The key as sent by the caller.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<AccessScope?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (!AccessKeys.TryParse(presentedKey, out var keyId, out var hash)) return null;
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.KeyId == keyId && a.RevokedAt == null)
            .Select(a => new { a.Name, a.Role, a.KeyHash, Territories = db.AccountTerritories.Where(t => t.AccountId == a.Id).Select(t => t.TerritoryId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || !AccessKeys.Matches(hash, account.KeyHash)) return null;
        return new AccessScope(account.Name, account.Role, [.. account.Territories.Order()]);
    }

}
