using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Data.Access;

/// <summary>A role and cités checked before they are given to an account (API key or web user).</summary>
/// <param name="Name">The account's name, trimmed.</param>
/// <param name="Role">The role.</param>
/// <param name="Codes">The codes of the cités, trimmed, distinct and sorted.</param>
/// <param name="Territories">The stored cités of <paramref name="Codes"/>.</param>
/// <param name="Problems">Why the grant is refused (French), each on its own; empty when it is valid.</param>
public sealed partial record AccessGrant(string Name, AccessRole Role, ImmutableArray<string> Codes, ImmutableArray<Territory> Territories, ImmutableArray<string> Problems)
{
    /// <summary>Whether the grant may be recorded.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>"tous" or the codes, as the audit trail writes them.</summary>
    public string TerritoryText => Codes.IsEmpty ? "tous" : string.Join(", ", Codes);

    /// <summary>
    /// Checks a name, a role and the cités asked for: the name's form, no cité for the roles that see every territory,
    /// at least one for the others, every code known to the store.
    /// </summary>
    /// <param name="db">The store.</param>
    /// <param name="name">The account's name: letters, digits, ".", "-", "_", "@", at most 100 characters.</param>
    /// <param name="role">The role.</param>
    /// <param name="territoryCodes">Codes of the cités.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public static async Task<AccessGrant> CheckAsync(ImpactEvalDbContext db, string name, AccessRole role, IReadOnlyCollection<string> territoryCodes,
        CancellationToken cancellationToken = default)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        name = name.Trim();
        if (!NamePattern().IsMatch(name))
            problems.Add($"Le nom « {name} » n'est pas valide : lettres, chiffres, point, tiret, souligné ou @, 100 caractères au plus (par exemple caf-93).");
        var codes = territoryCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (AccessRoles.SeesEveryTerritory(role) && codes.Length > 0)
            problems.Add($"Le rôle « {AccessRoles.Name(role)} » voit tous les territoires : n'indiquez pas de territoire.");
        if (!AccessRoles.SeesEveryTerritory(role) && codes.Length == 0)
            problems.Add($"Le rôle « {AccessRoles.Name(role)} » ne voit que les territoires qu'on lui donne : indiquez au moins un code de cité (par exemple CE-999-01).");
        var territories = await db.Territories.Where(t => codes.Contains(t.Code)).ToListAsync(cancellationToken);
        foreach (var unknown in codes.Where(c => territories.All(t => t.Code != c)))
        {
            var known = await db.Territories.OrderBy(t => t.Code).Select(t => t.Code).Take(10).ToListAsync(cancellationToken);
            problems.Add($"Aucune cité n'a le code « {unknown} » dans la base" +
                         (known.Count == 0 ? " (aucun protocole n'est encore enregistré)." : $" (codes connus : {string.Join(", ", known)})."));
        }
        return new AccessGrant(name, role, codes, [.. territories], problems.ToImmutable());
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,99}$")]
    private static partial Regex NamePattern();
}
