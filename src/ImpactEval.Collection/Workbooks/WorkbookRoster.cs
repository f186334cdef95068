using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Who a wave's workbooks list: the identifiers of the cité's roster file (typically its enrolment file), matched to
/// their enrolment by pseudonym, with the group and school of that enrolment, kept when the wave is owed for them
/// (<see cref="CohortStatusService"/>: not for participants who left the follow-up, completed it before the wave, or
/// whose group none of the wave's indicators applies to). The identifiers live in memory only.
/// </summary>
public sealed class WorkbookRoster(ImpactEvalDbContext db, Pseudonymiser pseudonymiser)
{
    /// <summary>The participants to list at <paramref name="waveCode"/>, in roster order; problems (an identifier not enrolled, erased, or a case variant) name their line.</summary>
    /// <param name="protocolCode">The protocol.</param>
    /// <param name="waveCode">The wave.</param>
    /// <param name="roster">The cité's roster.</param>
    /// <param name="today">The day (the cité's local date), for who left before the wave.</param>
    /// <param name="problems">Where problems go; nothing is returned when there is one.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<IReadOnlyList<ExpectedParticipant>> LoadAsync(string protocolCode, string waveCode, Roster roster, DateOnly today, List<ImportProblem> problems,
        CancellationToken cancellationToken = default)
    {
        var stored = await db.Protocols.Include(p => p.Territory).AsNoTracking().SingleAsync(p => p.Code == protocolCode, cancellationToken);
        var enrolled = await EnrolledIdentifiers.LoadAsync(db, pseudonymiser, stored.Id, stored.TerritoryId, stored.Territory!.Code, cancellationToken);
        var status = (await new CohortStatusService(db).GetAsync(protocolCode, today, cancellationToken))!;
        var owed = status.OwedAt(waveCode).ToDictionary(e => e.EnrolmentId);

        var participants = new List<ExpectedParticipant>();
        foreach (var (identifier, line) in roster.Rows)
        {
            var index = enrolled.Find(identifier, line, roster.Column, roster.FileName, problems);
            if (index >= 0 && owed.TryGetValue(enrolled.EnrolmentIds[index], out var entry))
                participants.Add(new ExpectedParticipant(identifier, entry.Group, entry.Cluster));
        }
        return problems.Count > 0 ? [] : participants;
    }
}
