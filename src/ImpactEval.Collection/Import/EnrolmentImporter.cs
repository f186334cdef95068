using ImpactEval.Core.Text;
using System.Security.Cryptography;
using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Imports a file of enrolments (one row per participant: identifiant, groupe, école, date d'inscription,
/// motif, baseline covariates). All-or-nothing: the whole file is validated first and nothing is written
/// if any cell is wrong. Idempotent: the same file again changes nothing; a corrected file changes only
/// what differs. Identifiers are pseudonymised and never stored.
/// </summary>
public sealed class EnrolmentImporter(ImpactEvalDbContext db, Pseudonymiser pseudonymiser)
{
    private static readonly HashSet<ColumnKind> Allowed = [ColumnKind.Identifier, ColumnKind.Group, ColumnKind.Cluster, ColumnKind.EnrolledOn, ColumnKind.Reason, ColumnKind.Covariate];

    /// <summary>The audit action of an enrolment corrected by a later file (one entry per enrolment, old and new values).</summary>
    public const string CorrectionAction = "enrolment.correct";

    /// <summary>A parsed row; <paramref name="Blank"/> lists the covariates of the file's columns left empty on this row.</summary>
    private sealed record Row(int Line, RowIdentifier Identifier, string Group, string? Cluster, DateOnly EnrolledOn, string? Reason, Dictionary<string, double> Baseline, List<string> Blank);

    /// <summary>Imports the enrolments of <paramref name="stream"/> into the protocol.</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="stream">The CSV file (seekable).</param>
    /// <param name="fileName">File name for problems and history.</param>
    /// <param name="options">Actor and dry run.</param>
    /// <param name="cancellationToken">Cancels the import (nothing is written).</param>
    public async Task<ImportResult> ImportAsync(Model.Protocol protocol, Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var stored = await db.Protocols.Include(p => p.Territory).SingleAsync(p => p.Code == protocol.Id, cancellationToken);
        var rows = TabularSource.Open(stream, fileName, problems, out var headers);
        var required = new HashSet<ColumnKind> { ColumnKind.Identifier, ColumnKind.Group, ColumnKind.EnrolledOn };
        if (protocol.Cluster is not null) required.Add(ColumnKind.Cluster);
        var map = ColumnMap.Match(headers, protocol, Allowed, required, fileName, problems);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);

        var parsed = Parse(rows, map, protocol, stored.Territory!.Code, fileName, problems);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems, parsed.Count);
        if (parsed.Count == 0)
            return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, "Le fichier ne contient aucune ligne de données.")]);

        var groups = await db.Groups.Where(g => g.ProtocolId == stored.Id).ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        var groupCodes = groups.ToDictionary(g => g.Value, g => g.Key);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Enrolment imports of one cité run one after the other (they create its participants): a concurrent import of
        // the same file waits here, then finds everything already written.
        await StoreLock.TakeAsync(db, StoreLock.Participants, stored.TerritoryId, cancellationToken);
        var now = DateTime.UtcNow;
        var identities = await TerritoryParticipants.LoadAsync(db, stored.TerritoryId, cancellationToken);
        var participants = identities.Resolve([.. parsed.Select(r => r.Identifier)], fileName, options.Reenrol, options.Actor, now, problems);
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ImportResult.Refused(fileName, problems, parsed.Count);
        }
        var enrolments = await db.Enrolments.Include(e => e.Baseline).Where(e => e.ProtocolId == stored.Id)
            .ToDictionaryAsync(e => e.ParticipantId, cancellationToken);

        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var (row, participant) in parsed.Zip(participants, (r, p) => (r, p!)))
        {
            var groupId = groups[row.Group];
            if (participant.Id == 0 || !enrolments.TryGetValue(participant.Id, out var enrolment))
            {
                enrolment = new Enrolment { Participant = participant, ProtocolId = stored.Id, GroupId = groupId, ClusterCode = row.Cluster, EnrolledOn = row.EnrolledOn, Reason = row.Reason, Status = "active" };
                foreach (var (code, value) in row.Baseline) enrolment.Baseline.Add(new BaselineValue { CovariateCode = code, Value = value });
                db.Enrolments.Add(enrolment);
                inserted++;
                continue;
            }
            // A corrected file changes an enrolment in place (the group at enrolment, used by intention-to-treat analyses,
            // included): each correction is written to the audit trail with the previous and the new value, so the
            // history of the enrolment stays readable (and is part of the participant's access-right export).
            var corrections = new List<string>();
            if (enrolment.GroupId != groupId) corrections.Add($"groupe à l'inscription {groupCodes[enrolment.GroupId]} → {row.Group}");
            if (enrolment.ClusterCode != row.Cluster) corrections.Add($"unité de regroupement {enrolment.ClusterCode ?? "(vide)"} → {row.Cluster ?? "(vide)"}");
            if (enrolment.EnrolledOn != row.EnrolledOn) corrections.Add($"date d'inscription {FrenchDate.Format(enrolment.EnrolledOn)} → {FrenchDate.Format(row.EnrolledOn)}");
            if (enrolment.Reason != row.Reason) corrections.Add("motif d'inscription modifié");
            enrolment.GroupId = groupId;
            enrolment.ClusterCode = row.Cluster;
            enrolment.EnrolledOn = row.EnrolledOn;
            enrolment.Reason = row.Reason;
            // A covariate column of the file is the truth for every row: a cell left empty clears the stored value
            // (audited like any correction); a covariate without a column in the file is left as it is.
            foreach (var code in row.Blank)
            {
                var existing = enrolment.Baseline.FirstOrDefault(b => b.CovariateCode == code);
                if (existing is null) continue;
                corrections.Add($"{code} {FrenchNumber.Plain(existing.Value)} → (vide)");
                enrolment.Baseline.Remove(existing);
                db.Remove(existing);
            }
            foreach (var (code, value) in row.Baseline)
            {
                var existing = enrolment.Baseline.FirstOrDefault(b => b.CovariateCode == code);
                if (existing is null)
                {
                    enrolment.Baseline.Add(new BaselineValue { CovariateCode = code, Value = value });
                    corrections.Add($"{code} renseigné : {FrenchNumber.Plain(value)}");
                }
                else if (existing.Value != value)
                {
                    corrections.Add($"{code} {FrenchNumber.Plain(existing.Value)} → {FrenchNumber.Plain(value)}");
                    existing.Value = value;
                }
            }
            if (corrections.Count == 0)
            {
                unchanged++;
                continue;
            }
            updated++;
            AuditTrail.Add(db, now, options.Actor, CorrectionAction, stored.TerritoryId, $"participant {participant.Pseudonym}",
                $"{fileName}, ligne {row.Line} : {string.Join(" ; ", corrections)}");
        }

        var written = !options.DryRun && inserted + updated > 0;
        if (written)
        {
            db.Imports.Add(new Data.Entities.Import
            {
                ProtocolId = stored.Id, Kind = "enrolments", FileName = fileName, Sha256 = Hash(stream), Rows = parsed.Count,
                Inserted = inserted, Updated = updated, Unchanged = unchanged, Synthetic = options.Synthetic, ImportedBy = options.Actor, ImportedAt = now,
            });
            AuditTrail.Add(db, now, options.Actor, "import.enrolments", stored.TerritoryId, $"protocole {protocol.Id}",
                $"{fileName} : {parsed.Count} lignes, {inserted} inscriptions créées, {updated} modifiées");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else if (!options.DryRun && identities.Maintained)
        {
            // Nothing to import, but stored participants got their fold key: worth keeping, without an import record.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var result = new ImportResult(fileName, [], parsed.Count, inserted, updated, unchanged, written);
        return written || options.DryRun ? result
            : result with { AlreadyImportedAt = await PreviousImport.OfSameFileAsync(db, stored.Id, "enrolments", Hash(stream), cancellationToken) };
    }

    private List<Row> Parse(IEnumerable<TabularRow> rows, ColumnMap map, Model.Protocol protocol, string territoryCode, string fileName, List<ImportProblem> problems)
    {
        var identifier = map.Find(ColumnKind.Identifier)!;
        var group = map.Find(ColumnKind.Group)!;
        var cluster = map.Find(ColumnKind.Cluster);
        var enrolledOn = map.Find(ColumnKind.EnrolledOn)!;
        var reason = map.Find(ColumnKind.Reason);
        var covariates = map.Columns.Where(c => c.Kind == ColumnKind.Covariate).Select(c => (Column: c, Covariate: protocol.FindCovariate(c.Code!)!)).ToList();
        var groupChoices = protocol.Groups.Select(g => (g.Code, g.Label)).ToList();
        var units = protocol.Cluster?.Units.Select(u => (u.Code, u.Label)).ToList();
        var seen = new FileIdentifiers(fileName);
        var result = new List<Row>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var id = CellReader.Text(row, identifier, FieldLimits.Identifier, "L’identifiant", fileName, problems) ?? "";
            if (id.Length == 0 && problems.Count == before)
                problems.Add(new ImportProblem(fileName, row.Line, identifier.Index + 1, identifier.Header, null, "Identifiant manquant.", "Chaque ligne doit porter l’identifiant du participant."));
            var who = new RowIdentifier(row.Line, identifier.Index + 1, identifier.Header, id, id.Length == 0 ? default : pseudonymiser.Keys(territoryCode, id));
            if (id.Length > 0) seen.Add(who, problems);
            var groupCode = CellReader.Code(row, group, groupChoices, "Groupe", fileName, problems);
            string? clusterCode = null;
            if (cluster is not null)
            {
                clusterCode = units is { Count: > 0 }
                    ? CellReader.Code(row, cluster, units, protocol.Cluster!.Label, fileName, problems)
                    : CellReader.Text(row, cluster, FieldLimits.Code, $"Le code ({protocol.Cluster!.Label})", fileName, problems) is { Length: > 0 } c ? c : null;
            }
            var date = CellReader.Date(row, enrolledOn, fileName, problems, required: true, today);
            var motive = reason is null ? null : CellReader.Text(row, reason, FieldLimits.FreeText, "Le motif", fileName, problems);
            var baseline = new Dictionary<string, double>();
            var blank = new List<string>();
            foreach (var (column, covariate) in covariates)
            {
                if (CellReader.Value(row, column, covariate.Scale, fileName, problems) is { } value) baseline[covariate.Code] = value;
                else if (string.IsNullOrWhiteSpace(row.Cells[column.Index])) blank.Add(covariate.Code);
            }
            if (problems.Count == before)
                result.Add(new Row(row.Line, who, groupCode!, clusterCode, date!.Value, motive is { Length: > 0 } ? motive : null, baseline, blank));
            if (ImportProblem.CapReached(problems, fileName, row.Line)) break;
        }
        return result;
    }

    internal static string Hash(Stream stream)
    {
        stream.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
