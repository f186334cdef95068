using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Import.Bulk;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Imports observations from a wide file: one row per participant and wave (identifiant, vague, date de
/// collecte) and one column per indicator (by code or French label). Empty cells are values not collected.
/// All-or-nothing, idempotent, with history: a changed value keeps its previous value as a revision.
/// </summary>
/// <remarks>
/// Streams with bounded memory: a first pass validates every row and keeps only compact parsed values
/// (<see cref="ObservationRows"/>, about 30 bytes per row for two indicators); nothing is written if any problem was
/// found. The write runs in one transaction without EF change tracking: when none of the file's values can exist yet
/// (no value of its waves for this protocol) they are bulk-inserted directly; otherwise they are staged in a temporary
/// table and merged by set-based statements, so that existing values are compared in the database, never loaded.
/// Values of a wave whose campaign is locked are refused unless a coordinator granted an exception.
/// </remarks>
public sealed class ObservationImporter(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, TimeProvider? clock = null)
{
    // The school column of a school's collection workbook is accepted and not read: a participant's school is the one of
    // their enrolment, which a workbook cannot change.
    private static readonly HashSet<ColumnKind> Allowed = [ColumnKind.Identifier, ColumnKind.Cluster, ColumnKind.Wave, ColumnKind.CollectedOn, ColumnKind.Indicator];

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Imports the observations of <paramref name="stream"/> into the protocol.</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="stream">The CSV file (seekable).</param>
    /// <param name="fileName">File name for problems and history.</param>
    /// <param name="options">Actor, dry run, and the wave when the file has no "vague" column.</param>
    /// <param name="cancellationToken">Cancels the import (nothing is written).</param>
    public async Task<ImportResult> ImportAsync(Model.Protocol protocol, Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var stored = await db.Protocols.Include(p => p.Territory).SingleAsync(p => p.Code == protocol.Id, cancellationToken);
        if (options.Wave is not null && protocol.FindWave(options.Wave) is null)
            return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, $"La vague «\u202F{options.Wave}\u202F» n’existe pas dans le protocole.",
                $"Vagues\u202F: {string.Join(", ", protocol.Waves.Select(w => w.Code))}.")]);
        var rows = TabularSource.Open(stream, fileName, problems, out var headers);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);
        var required = new HashSet<ColumnKind> { ColumnKind.Identifier };
        if (options.Wave is null) required.Add(ColumnKind.Wave);
        var map = ColumnMap.Match(headers, protocol, Allowed, required, fileName, problems);
        if (problems.Count == 0 && map.Columns.All(c => c.Kind != ColumnKind.Indicator))
            problems.Add(new ImportProblem(fileName, 1, null, null, null, "Aucune colonne d’indicateur.", $"Indicateurs du protocole\u202F: {string.Join(", ", protocol.Indicators.Select(i => i.Code))}."));
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);

        var enrolled = await EnrolledIdentifiers.LoadAsync(db, pseudonymiser, stored.Id, stored.TerritoryId, stored.Territory!.Code, cancellationToken);
        var enrolmentIds = enrolled.EnrolmentIds;
        var waves = await db.Waves.Where(w => w.ProtocolId == stored.Id).ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var indicators = await db.Indicators.Where(i => i.ProtocolId == stored.Id).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var waveCodes = protocol.Waves.Select(w => w.Code).ToList();

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var reader = new ObservationFileReader(protocol, map, fileName, enrolled, waveCodes, options.Wave, today, problems);
        var parsed = reader.Read(rows);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems.OrderBy(p => p.Line).ThenBy(p => p.Column ?? 0), reader.RowCount);
        if (reader.RowCount == 0) return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, "Le fichier ne contient aucune ligne de données.",
            "Ajoutez une ligne par participant et par vague sous la ligne d’en-têtes.")]);

        var waveIds = waveCodes.Select(c => waves[c]).ToArray();
        var indicatorIds = reader.IndicatorCodes.Select(c => indicators[c]).ToArray();
        var usedWaves = Enumerable.Range(0, parsed.Count).Select(parsed.Wave).Distinct().Select(w => waveIds[w]).ToList();
        var locks = await CampaignLock.FindAsync(db, stored.Id, usedWaves, null, stored.TerritoryId, today, cancellationToken);
        if (locks.Count > 0)
            return ImportResult.Refused(fileName, locks.Select(l => new ImportProblem(fileName, 0, null, null, null, l.Message, l.Hint)), reader.RowCount);

        var values = Values(parsed, KeyOrder(parsed, waveIds.Length), enrolmentIds, waveIds, indicatorIds);
        var total = parsed.ValueCount;
        var sha = EnrolmentImporter.Hash(stream);
        var now = clock.GetUtcNow().UtcDateTime;
        var bulk = ObservationBulk.For(db);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Imports of one protocol run one after the other: a concurrent import of the same file waits here, then finds
        // every value already written (no second set of revisions, no second import record).
        await StoreLock.TakeAsync(db, StoreLock.Protocol, stored.Id, cancellationToken);
        await bulk.StartAsync(cancellationToken);
        try
        {
            if (!await bulk.CheckReferencesAsync(stored.Id, UsedEnrolments(parsed, enrolmentIds), usedWaves.ToArray(), indicatorIds, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null,
                    "Des inscriptions, vagues ou indicateurs du fichier ont été supprimés pendant l’import (effacement d’un participant, nouvelle version du protocole)\u202F: rien n’a été écrit.",
                    "Relancez l’import\u202F: les lignes des participants effacés seront alors signalées à leur place.")], reader.RowCount);
            }
            var enrolments = db.Enrolments.Where(e => e.ProtocolId == stored.Id);
            var fresh = !await enrolments.AnyAsync(e => db.Observations.Any(o => o.EnrolmentId == e.Id && usedWaves.Contains(o.WaveId)), cancellationToken);
            long inserted = total, updated = 0, unchanged = 0;
            if (!fresh)
            {
                await bulk.StageAsync(values, cancellationToken);
                var (existing, same) = await bulk.CompareAsync(cancellationToken);
                inserted = total - existing;
                updated = existing - same;
                unchanged = same;
            }
            if (options.DryRun || inserted + updated == 0)
            {
                await bulk.FinishAsync(cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return new ImportResult(fileName, [], reader.RowCount, (int)inserted, (int)updated, (int)unchanged, false)
                {
                    AlreadyImportedAt = options.DryRun ? null : await PreviousImport.OfSameFileAsync(db, stored.Id, "observations", sha, cancellationToken),
                };
            }

            var import = new Data.Entities.Import
            {
                ProtocolId = stored.Id, Kind = "observations", FileName = fileName, Sha256 = sha, Rows = reader.RowCount,
                Inserted = (int)inserted, Updated = (int)updated, Unchanged = (int)unchanged, Synthetic = options.Synthetic, ImportedBy = options.Actor, ImportedAt = now,
            };
            db.Imports.Add(import);
            AuditTrail.Add(db, now, options.Actor, "import.observations", stored.TerritoryId, $"protocole {protocol.Id}",
                $"{fileName} : {reader.RowCount} lignes, {inserted} valeurs créées, {updated} corrigées, {unchanged} inchangées, sha256 {sha}");
            await db.SaveChangesAsync(cancellationToken);
            await enrolled.SaveFoldKeysAsync(db, cancellationToken);
            if (fresh) await bulk.InsertAsync(values, import.Id, now, cancellationToken);
            else
            {
                await bulk.MergeAsync(import.Id, options.Actor, $"import de {fileName}", now, updated > 0, inserted > 0, cancellationToken);
                await bulk.DropStagingAsync(cancellationToken);
            }
            await bulk.FinishAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(fileName, [], reader.RowCount, (int)inserted, (int)updated, (int)unchanged, true);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Row positions in the order of the observations' unique index (enrolment, then wave): enrolment indexes follow
    /// enrolment ids, so values reach the index in ascending key order and its pages are written one after the other
    /// instead of at random (files are usually sorted by school, by name or by wave, not by the store's keys).
    /// </summary>
    private static int[] KeyOrder(ObservationRows parsed, int waveCount)
    {
        var keys = new long[parsed.Count];
        var order = new int[parsed.Count];
        for (var r = 0; r < parsed.Count; r++)
        {
            keys[r] = (long)parsed.Enrolment(r) * waveCount + parsed.Wave(r);
            order[r] = r;
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The store ids of the enrolments the file's rows refer to, each once.</summary>
    private static int[] UsedEnrolments(ObservationRows parsed, List<int> enrolmentIds)
    {
        var used = new bool[enrolmentIds.Count];
        for (var r = 0; r < parsed.Count; r++) used[parsed.Enrolment(r)] = true;
        var ids = new List<int>();
        for (var e = 0; e < used.Length; e++)
            if (used[e]) ids.Add(enrolmentIds[e]);
        return [.. ids];
    }

    private static IEnumerable<StagedObservation> Values(ObservationRows parsed, int[] order, List<int> enrolmentIds, int[] waveIds, int[] indicatorIds)
    {
        foreach (var r in order)
        {
            var enrolment = enrolmentIds[parsed.Enrolment(r)];
            var wave = waveIds[parsed.Wave(r)];
            var day = parsed.DayNumber(r);
            DateOnly? date = day == ObservationRows.NoDate ? null : DateOnly.FromDayNumber(day);
            for (var c = 0; c < indicatorIds.Length; c++)
            {
                var value = parsed.Values(r)[c];
                if (!double.IsNaN(value)) yield return new StagedObservation(enrolment, wave, indicatorIds[c], value, date);
            }
        }
    }
}
