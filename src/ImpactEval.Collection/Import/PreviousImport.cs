using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Import;

/// <summary>Whether a file that changes nothing was already imported as it is (same bytes), to say "déjà importé" rather than "à jour".</summary>
internal static class PreviousImport
{
    /// <summary>When a file with the same SHA-256 was last imported into the protocol as the same kind (UTC), or null.</summary>
    public static async Task<DateTime?> OfSameFileAsync(ImpactEvalDbContext db, int protocolId, string kind, string sha256, CancellationToken cancellationToken)
    {
        var at = await db.Imports.AsNoTracking().Where(i => i.ProtocolId == protocolId && i.Kind == kind && i.Sha256 == sha256)
            .OrderByDescending(i => i.Id).Select(i => (DateTime?)i.ImportedAt).FirstOrDefaultAsync(cancellationToken);
        return at is { } time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : null;
    }
}
