using System.Collections.Immutable;
using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Territories;

/// <summary>
/// The territory registry in the store: imports a registry file (all or nothing, idempotent, audited), lists the cités
/// in the hierarchy région → département → cité and describes one. What <c>impacteval territory</c> and the web
/// application's registry page call.
/// </summary>
/// <param name="db">The store.</param>
public sealed class TerritoryRegistry(ImpactEvalDbContext db)
{
    /// <summary>The outcome of an import.</summary>
    /// <param name="Written">True when the file was accepted (even if nothing changed).</param>
    /// <param name="Created">Cités added to the store.</param>
    /// <param name="Updated">Cités whose registry entry changed (including cités known by their code only).</param>
    /// <param name="Unchanged">Cités already registered exactly so.</param>
    /// <param name="Problems">Why the file was refused, placed; empty when written.</param>
    public sealed record ImportOutcome(bool Written, int Created, int Updated, int Unchanged, ImmutableArray<ImportProblem> Problems);

    /// <summary>Imports a registry file: every row or none, and importing the same file again changes nothing.</summary>
    /// <param name="stream">The CSV file (seekable).</param>
    /// <param name="fileName">Name shown in problems and in the audit trail.</param>
    /// <param name="actor">Who imports ("cli:…").</param>
    /// <param name="cancellationToken">Cancels before writing.</param>
    /// <remarks>Cités of the store that the file does not name are kept. One audit entry records the counts when something changed.</remarks>
    public async Task<ImportOutcome> ImportAsync(Stream stream, string fileName, string actor, CancellationToken cancellationToken = default)
    {
        var (entries, problems) = RegistryFile.Read(stream, fileName);
        if (!problems.IsEmpty) return new ImportOutcome(false, 0, 0, 0, problems);

        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var group in entries.GroupBy(e => e.RegionCode))
        {
            var name = group.First().RegionName;
            if (!regions.TryGetValue(group.Key, out var region)) db.Regions.Add(regions[group.Key] = new Region { Code = group.Key, Name = name });
            else if (region.Name != name) region.Name = name;
        }
        await db.SaveChangesAsync(cancellationToken);
        var departements = await db.Departements.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var group in entries.GroupBy(e => e.DepartementCode))
        {
            var (name, regionId) = (group.First().DepartementName, regions[group.First().RegionCode].Id);
            if (!departements.TryGetValue(group.Key, out var departement))
                db.Departements.Add(departements[group.Key] = new Departement { Code = group.Key, Name = name, RegionId = regionId });
            else (departement.Name, departement.RegionId) = (name, regionId);
        }
        await db.SaveChangesAsync(cancellationToken);

        var codes = entries.Select(e => e.Code).ToList();
        var stored = await db.Territories.Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var entry in entries)
        {
            if (!stored.TryGetValue(entry.Code, out var territory))
            {
                db.Territories.Add(territory = new Territory { Code = entry.Code, CreatedAt = now });
                created++;
            }
            else if (Matches(territory, entry, departements[entry.DepartementCode].Id))
            {
                unchanged++;
                continue;
            }
            else updated++;
            territory.Name = entry.Name;
            territory.DepartementId = departements[entry.DepartementCode].Id;
            territory.LabelYear = entry.LabelYear;
            territory.Communes = Join(entry.Communes);
            territory.Qpv = Join(entry.Qpv);
            territory.Rep = Join(entry.Rep);
            territory.RepPlus = Join(entry.RepPlus);
            territory.CollegeChefDeFile = entry.CollegeChefDeFile;
            territory.Contacts = Join(entry.Contacts);
            territory.RegisteredAt = now;
        }
        var changed = created + updated > 0 || db.ChangeTracker.HasChanges();
        if (changed)
            AuditTrail.Add(db, now, actor, "territory.import", null, fileName,
                $"{entries.Length} cités : {created} ajoutées, {updated} modifiées, {unchanged} inchangées");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(true, created, updated, unchanged, []);
    }

    /// <summary>Every cité of the store with its place in the registry, ordered by région, département, then code.</summary>
    /// <param name="region">Only this région's code, or null for all.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<ImmutableArray<RegisteredTerritory>> ListAsync(string? region = null, CancellationToken cancellationToken = default)
    {
        var rows = await (from t in db.Territories.AsNoTracking()
                          join d in db.Departements.AsNoTracking() on t.DepartementId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          join r in db.Regions.AsNoTracking() on d.RegionId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          select new { Territory = t, Departement = d, Region = r }).ToListAsync(cancellationToken);
        return [.. rows.Where(x => region is null || x.Region?.Code == region)
            .Select(x => RegisteredTerritory.From(x.Territory, x.Departement, x.Region))
            .OrderBy(t => t.RegionCode ?? "\uFFFF", StringComparer.Ordinal).ThenBy(t => t.DepartementCode ?? "", StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal)];
    }

    /// <summary>One cité, or null when the store has no cité with this code.</summary>
    /// <param name="code">The cité's code.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<RegisteredTerritory?> ShowAsync(string code, CancellationToken cancellationToken = default)
    {
        var territory = await db.Territories.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (territory is null) return null;
        var departement = territory.DepartementId is { } id ? await db.Departements.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken) : null;
        var region = departement is null ? null : await db.Regions.AsNoTracking().SingleAsync(r => r.Id == departement.RegionId, cancellationToken);
        return RegisteredTerritory.From(territory, departement, region);
    }

    private static bool Matches(Territory t, RegistryEntry e, int departementId) =>
        t.Name == e.Name && t.DepartementId == departementId && t.LabelYear == e.LabelYear && t.Communes == Join(e.Communes) && t.Qpv == Join(e.Qpv) &&
        t.Rep == Join(e.Rep) && t.RepPlus == Join(e.RepPlus) && t.CollegeChefDeFile == e.CollegeChefDeFile && t.Contacts == Join(e.Contacts);

    private static string? Join(ImmutableArray<string> items) => items.IsEmpty ? null : string.Join(Territory.ListSeparator, items);
}
