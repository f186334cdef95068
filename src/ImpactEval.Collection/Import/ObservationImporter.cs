using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Imports observations from a wide file: one row per participant and wave (identifiant, vague, date de
/// collecte) and one column per indicator (by code or French label). Empty cells are values not collected.
/// All-or-nothing, idempotent, with history: a changed value keeps its previous value as a revision.
/// </summary>
public sealed class ObservationImporter(ImpactEvalDbContext db, Pseudonymiser pseudonymiser)
{
    private static readonly HashSet<ColumnKind> Allowed = [ColumnKind.Identifier, ColumnKind.Wave, ColumnKind.CollectedOn, ColumnKind.Indicator];

    private readonly record struct Value(int EnrolmentId, int WaveId, int IndicatorId, double Number, DateOnly? CollectedOn);

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
            return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, $"La vague « {options.Wave} » n'existe pas dans le protocole.",
                $"Vagues : {string.Join(", ", protocol.Waves.Select(w => w.Code))}.")]);
        var rows = TabularSource.Open(stream, fileName, problems, out var headers);
        var required = new HashSet<ColumnKind> { ColumnKind.Identifier };
        if (options.Wave is null) required.Add(ColumnKind.Wave);
        var map = ColumnMap.Match(headers, protocol, Allowed, required, fileName, problems);
        if (problems.Count == 0 && map.Columns.All(c => c.Kind != ColumnKind.Indicator))
            problems.Add(new ImportProblem(fileName, 1, null, null, null, "Aucune colonne d'indicateur.", $"Indicateurs du protocole : {string.Join(", ", protocol.Indicators.Select(i => i.Code))}."));
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);

        var enrolments = await db.Enrolments.Where(e => e.ProtocolId == stored.Id)
            .Select(e => new { e.Id, e.Participant!.Pseudonym }).ToDictionaryAsync(e => e.Pseudonym, e => e.Id, cancellationToken);
        var waves = await db.Waves.Where(w => w.ProtocolId == stored.Id).ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var indicators = await db.Indicators.Where(i => i.ProtocolId == stored.Id).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);

        var (values, rowCount) = Parse(rows, map, protocol, stored.Territory!.Code, enrolments, waves, indicators, fileName, options.Wave, problems);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems, rowCount);
        if (rowCount == 0) return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, "Le fichier ne contient aucune ligne de données.")]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Observations.Where(o => db.Enrolments.Any(e => e.Id == o.EnrolmentId && e.ProtocolId == stored.Id))
            .ToDictionaryAsync(o => (o.EnrolmentId, o.WaveId, o.IndicatorId), cancellationToken);
        int inserted = 0, updated = 0, unchanged = 0;
        var now = DateTime.UtcNow;
        var import = new Data.Entities.Import
        {
            ProtocolId = stored.Id, Kind = "observations", FileName = fileName, Sha256 = EnrolmentImporter.Hash(stream), Rows = rowCount,
            ImportedBy = options.Actor, ImportedAt = now,
        };
        var revisions = new List<ObservationRevision>();
        var added = new List<Observation>();
        var changed = new List<Observation>();
        foreach (var value in values)
        {
            if (!existing.TryGetValue((value.EnrolmentId, value.WaveId, value.IndicatorId), out var observation))
            {
                added.Add(new Observation
                {
                    EnrolmentId = value.EnrolmentId, WaveId = value.WaveId, IndicatorId = value.IndicatorId, Value = value.Number,
                    CollectedOn = value.CollectedOn, UpdatedAt = now,
                });
                inserted++;
            }
            else if (observation.Value != value.Number || (value.CollectedOn is not null && observation.CollectedOn != value.CollectedOn))
            {
                revisions.Add(new ObservationRevision
                {
                    ObservationId = observation.Id, PreviousValue = observation.Value, PreviousCollectedOn = observation.CollectedOn, NewValue = value.Number,
                    ChangedBy = options.Actor, Reason = $"import de {fileName}", ChangedAt = now,
                });
                changed.Add(observation);
                observation.Value = value.Number;
                observation.CollectedOn = value.CollectedOn ?? observation.CollectedOn;
                observation.UpdatedAt = now;
                updated++;
            }
            else unchanged++;
        }

        var written = !options.DryRun && inserted + updated > 0;
        if (!written)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportResult(fileName, [], rowCount, inserted, updated, unchanged, false);
        }
        import.Inserted = inserted;
        import.Updated = updated;
        import.Unchanged = unchanged;
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var observation in added.Concat(changed)) observation.ImportId = import.Id;
        db.Observations.AddRange(added);
        db.ObservationRevisions.AddRange(revisions);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = options.Actor, Action = "import.observations", TerritoryId = stored.TerritoryId, Subject = $"protocole {protocol.Id}",
            Details = $"{fileName} : {rowCount} lignes, {inserted} valeurs créées, {updated} corrigées, {unchanged} inchangées",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(fileName, [], rowCount, inserted, updated, unchanged, true);
    }

    private (List<Value> Values, int Rows) Parse(IEnumerable<TabularRow> rows, ColumnMap map, Model.Protocol protocol, string territoryCode,
        Dictionary<string, int> enrolments, Dictionary<string, int> waves, Dictionary<string, int> indicators, string fileName, string? fixedWave, List<ImportProblem> problems)
    {
        var identifier = map.Find(ColumnKind.Identifier)!;
        var waveColumn = map.Find(ColumnKind.Wave);
        var collectedOn = map.Find(ColumnKind.CollectedOn);
        var valueColumns = map.Columns.Where(c => c.Kind == ColumnKind.Indicator).Select(c => (Column: c, Indicator: protocol.FindIndicator(c.Code!)!)).ToList();
        var waveChoices = protocol.Waves.Select(w => (w.Code, w.Label)).ToList();
        var seen = new Dictionary<(int, string), int>();
        var values = new List<Value>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var id = row.Cells[identifier.Index].Trim();
            int enrolmentId = 0;
            if (id.Length == 0)
                problems.Add(new ImportProblem(fileName, row.Line, identifier.Index + 1, identifier.Header, null, "Identifiant manquant."));
            else if (!enrolments.TryGetValue(pseudonymiser.Pseudonym(territoryCode, id), out enrolmentId))
                problems.Add(new ImportProblem(fileName, row.Line, identifier.Index + 1, identifier.Header, null,
                    "Ce participant n'est pas inscrit dans le protocole.", "Importez d'abord son inscription (impacteval enrol), ou corrigez l'identifiant."));
            var waveCode = waveColumn is null ? fixedWave : CellReader.Code(row, waveColumn, waveChoices, "Vague", fileName, problems);
            if (enrolmentId != 0 && waveCode is not null)
            {
                if (seen.TryGetValue((enrolmentId, waveCode), out var firstLine))
                    problems.Add(new ImportProblem(fileName, row.Line, identifier.Index + 1, identifier.Header, null,
                        $"Ce participant a déjà une ligne pour la vague {waveCode} (ligne {firstLine}).", "Gardez une seule ligne par participant et par vague."));
                else seen[(enrolmentId, waveCode)] = row.Line;
            }
            var date = collectedOn is null ? null : CellReader.Date(row, collectedOn, fileName, problems, required: false);
            foreach (var (column, indicator) in valueColumns)
            {
                var value = CellReader.Value(row, column, indicator.Scale, fileName, problems);
                if (value is null) continue;
                if (waveCode is not null && !indicator.WaveCodes.Contains(waveCode))
                {
                    problems.Add(new ImportProblem(fileName, row.Line, column.Index + 1, column.Header, row.Cells[column.Index].Trim(),
                        $"L'indicateur « {indicator.Code} » n'est pas collecté à la vague {waveCode}.", $"Il est prévu aux vagues : {string.Join(", ", indicator.WaveCodes)}."));
                    continue;
                }
                if (enrolmentId != 0 && waveCode is not null)
                    values.Add(new Value(enrolmentId, waves[waveCode], indicators[indicator.Code], value.Value, date));
            }
            if (problems.Count > 200)
            {
                problems.Add(new ImportProblem(fileName, row.Line, null, null, null, "Plus de 200 problèmes : la lecture s'arrête ici.", "Corrigez ces premières erreurs puis relancez l'import."));
                break;
            }
        }
        return (values, count);
    }
}
