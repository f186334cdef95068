using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Tests;

/// <summary>Row counts of the tables an import or a change may write, to prove that nothing was written.</summary>
public sealed record StoreCounts(int Observations, int Revisions, int Imports, int Audit, int Participants, int Enrolments, int AggregateValues)
{
    public static async Task<StoreCounts> ReadAsync(ImpactEvalDbContext db) => new(
        await db.Observations.CountAsync(), await db.ObservationRevisions.CountAsync(), await db.Imports.CountAsync(), await db.AuditEntries.CountAsync(),
        await db.Participants.CountAsync(), await db.Enrolments.CountAsync(), await db.AggregateValues.CountAsync());
}
