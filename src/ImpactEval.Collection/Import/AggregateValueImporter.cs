using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Values;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Imports aggregated indicator values per territory and period (e.g. "familles touchées ce trimestre" for the
/// follow-up of an action, or the answers of a national campaign): one row per territory and period (territoire,
/// periode), one column per indicator (code or French label). Empty cells are values not given.
/// All-or-nothing, idempotent, with history (a changed value keeps its previous value as a revision), dry run; values
/// of a period whose questionnaire campaign is locked are refused unless a coordinator granted an exception.
/// </summary>
/// <remarks>
/// Such files hold a few hundred to a few thousand values (about 200 cités × a handful of indicators), so they are
/// written through EF; observation files are the ones that need the bulk path.
/// </remarks>
public sealed class AggregateValueImporter(ImpactEvalDbContext db, TimeProvider? clock = null)
{
    private static readonly HashSet<ColumnKind> Allowed = [ColumnKind.Territory, ColumnKind.Period, ColumnKind.Indicator];

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    private sealed record Row(int Line, string Territory, ReportingPeriod Period, Dictionary<string, double> Values);

    /// <summary>Imports the aggregated values of <paramref name="stream"/> into the protocol.</summary>
    /// <param name="protocol">The protocol whose indicators the columns name (current version).</param>
    /// <param name="stream">The CSV file (seekable).</param>
    /// <param name="fileName">File name for problems and history.</param>
    /// <param name="options">Actor, dry run, the period when the file has no "periode" column, whether unknown territories may be created.</param>
    /// <param name="cancellationToken">Cancels the import (nothing is written).</param>
    public async Task<ImportResult> ImportAsync(Model.Protocol protocol, Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var stored = await db.Protocols.Include(p => p.Territory).SingleAsync(p => p.Code == protocol.Id, cancellationToken);
        ReportingPeriod? fixedPeriod = null;
        if (options.Period is not null && !ReportingPeriod.TryParse(options.Period, out fixedPeriod, out var periodError))
            return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, options.Period, periodError!, "Corrigez l’option --period.")]);
        var rows = TabularSource.Open(stream, fileName, problems, out var headers);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);
        var required = new HashSet<ColumnKind>();
        if (fixedPeriod is null) required.Add(ColumnKind.Period);
        var map = ColumnMap.Match(headers, protocol, Allowed, required, fileName, problems);
        if (problems.Count == 0 && map.Columns.All(c => c.Kind != ColumnKind.Indicator))
            problems.Add(new ImportProblem(fileName, 1, null, null, null, "Aucune colonne d’indicateur.", $"Indicateurs du protocole\u202F: {string.Join(", ", protocol.Indicators.Select(i => i.Code))}."));
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems);

        var territories = await db.Territories.ToListAsync(cancellationToken);
        var parsed = Parse(rows, map, protocol, stored.Territory!.Code, fixedPeriod, territories, options.CreateTerritories, fileName, problems, out var rowCount);
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems, rowCount);
        if (rowCount == 0) return ImportResult.Refused(fileName, [new ImportProblem(fileName, 0, null, null, null, "Le fichier ne contient aucune ligne de données.",
            "Ajoutez une ligne par territoire et par période sous la ligne d’en-têtes.")]);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var byCode = territories.ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var row in parsed)
        {
            if (!byCode.TryGetValue(row.Territory, out var territory) || territory.Id == 0) continue;
            var locks = await CampaignLock.FindAsync(db, stored.Id, [], (row.Period.Start, row.Period.End), territory.Id, today, cancellationToken);
            foreach (var l in locks) problems.Add(new ImportProblem(fileName, row.Line, null, null, null, l.Message, l.Hint));
        }
        if (problems.Count > 0) return ImportResult.Refused(fileName, problems, rowCount);

        var indicators = await db.Indicators.Where(i => i.ProtocolId == stored.Id).ToDictionaryAsync(i => i.Code, cancellationToken);
        var indicatorIds = indicators.Values.Select(i => i.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Imports of one protocol run one after the other; territories created by the import that ran first are read again.
        await StoreLock.TakeAsync(db, StoreLock.Protocol, stored.Id, cancellationToken);
        var missing = parsed.Select(r => r.Territory).Distinct().Where(c => !byCode.ContainsKey(c)).ToList();
        foreach (var territory in await db.Territories.Where(t => missing.Contains(t.Code)).ToListAsync(cancellationToken)) byCode[territory.Code] = territory;
        try
        {
            var created = new List<string>();
            foreach (var code in parsed.Select(r => r.Territory).Distinct().Where(c => !byCode.ContainsKey(c)))
            {
                byCode[code] = db.Territories.Add(new Territory { Code = code, CreatedAt = now }).Entity;
                created.Add(code);
            }
            await db.SaveChangesAsync(cancellationToken);
            var territoryIds = parsed.Select(r => byCode[r.Territory].Id).Distinct().ToList();
            var existing = (await db.AggregateValues.Where(v => indicatorIds.Contains(v.IndicatorId) && territoryIds.Contains(v.TerritoryId)).ToListAsync(cancellationToken))
                .ToDictionary(v => (v.IndicatorId, v.TerritoryId, v.PeriodStart, v.PeriodEnd));

            int inserted = 0, updated = 0, unchanged = 0;
            var changes = new List<(AggregateValue Value, double Previous)>();
            var added = new List<AggregateValue>();
            foreach (var row in parsed)
            {
                var territoryId = byCode[row.Territory].Id;
                foreach (var (code, number) in row.Values)
                {
                    var indicatorId = indicators[code].Id;
                    if (!existing.TryGetValue((indicatorId, territoryId, row.Period.Start, row.Period.End), out var value))
                    {
                        added.Add(db.AggregateValues.Add(new AggregateValue
                        {
                            TerritoryId = territoryId, IndicatorId = indicatorId, PeriodStart = row.Period.Start, PeriodEnd = row.Period.End,
                            PeriodLabel = row.Period.Label, Value = number, RecordedAt = now, UpdatedAt = now,
                        }).Entity);
                        inserted++;
                    }
                    else if (value.Value != number)
                    {
                        changes.Add((value, value.Value));
                        value.Value = number;
                        value.UpdatedAt = now;
                        updated++;
                    }
                    else unchanged++;
                }
            }
            if (options.DryRun || inserted + updated + created.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new ImportResult(fileName, [], rowCount, inserted, updated, unchanged, false)
                {
                    AlreadyImportedAt = options.DryRun ? null : await PreviousImport.OfSameFileAsync(db, stored.Id, "values", EnrolmentImporter.Hash(stream), cancellationToken),
                };
            }

            var import = new Data.Entities.Import
            {
                ProtocolId = stored.Id, Kind = "values", FileName = fileName, Sha256 = EnrolmentImporter.Hash(stream), Rows = rowCount,
                Inserted = inserted, Updated = updated, Unchanged = unchanged, Synthetic = options.Synthetic, ImportedBy = options.Actor, ImportedAt = now,
            };
            db.Imports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var value in added.Concat(changes.Select(c => c.Value))) value.ImportId = import.Id;
            foreach (var (value, previous) in changes)
                db.AggregateValueRevisions.Add(new AggregateValueRevision
                {
                    AggregateValueId = value.Id, PreviousValue = previous, NewValue = value.Value, ChangedBy = options.Actor, Reason = $"import de {fileName}", ChangedAt = now,
                });
            AuditTrail.Add(db, now, options.Actor, "import.values", stored.TerritoryId, $"protocole {protocol.Id}",
                $"{fileName} : {rowCount} lignes, {inserted} valeurs créées, {updated} corrigées, {unchanged} inchangées" +
                (created.Count == 0 ? "" : $", territoires créés : {string.Join(", ", created)}") + $", sha256 {import.Sha256}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(fileName, [], rowCount, inserted, updated, unchanged, true);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static List<Row> Parse(IEnumerable<TabularRow> rows, ColumnMap map, Model.Protocol protocol, string ownTerritory, ReportingPeriod? fixedPeriod,
        List<Territory> territories, bool createTerritories, string fileName, List<ImportProblem> problems, out int count)
    {
        var territoryColumn = map.Find(ColumnKind.Territory);
        var periodColumn = map.Find(ColumnKind.Period);
        var valueColumns = map.Columns.Where(c => c.Kind == ColumnKind.Indicator).Select(c => (Column: c, Indicator: protocol.FindIndicator(c.Code!)!)).ToList();
        var known = territories.SelectMany(t => new[] { (Key: TextKey.Normalize(t.Code), t.Code), (Key: TextKey.Normalize(t.Name ?? t.Code), t.Code) })
            .DistinctBy(k => k.Key).ToDictionary(k => k.Key, k => k.Code);
        var seen = new Dictionary<(string, string), int>();
        var result = new List<Row>();
        count = 0;
        foreach (var row in rows)
        {
            count++;
            var before = problems.Count;
            var territory = ownTerritory;
            if (territoryColumn is not null && CellReader.Text(row, territoryColumn, FieldLimits.Code, "Le code du territoire", fileName, problems) is { } text)
            {
                if (text.Length == 0)
                    problems.Add(new ImportProblem(fileName, row.Line, territoryColumn.Index + 1, territoryColumn.Header, null, "Territoire manquant.",
                        "Indiquez le code de la cité (par exemple CE-069-01)."));
                else if (known.TryGetValue(TextKey.Normalize(text), out var code)) territory = code;
                else if (createTerritories) territory = text;
                else
                {
                    var closest = TextKey.Closest(text, territories.Select(t => t.Code));
                    problems.Add(new ImportProblem(fileName, row.Line, territoryColumn.Index + 1, territoryColumn.Header, text, $"Territoire «\u202F{text}\u202F» inconnu.",
                        (closest is null ? "" : $"Vouliez-vous dire «\u202F{closest}\u202F»\u202F? ") + "Pour une campagne nationale, relancez avec --create-territories pour créer les cités manquantes."));
                }
            }
            var period = fixedPeriod;
            if (periodColumn is not null && CellReader.Text(row, periodColumn, FieldLimits.Code, "La période", fileName, problems) is { } label)
            {
                if (label.Length == 0 && fixedPeriod is null)
                    problems.Add(new ImportProblem(fileName, row.Line, periodColumn.Index + 1, periodColumn.Header, null, "Période manquante.", "Par exemple 2025-T1 ou 2024-2025."));
                else if (label.Length > 0 && !ReportingPeriod.TryParse(label, out period, out var error))
                    problems.Add(new ImportProblem(fileName, row.Line, periodColumn.Index + 1, periodColumn.Header, label, error!, "Par exemple 2025-T1 ou 2024-2025."));
            }
            var values = new Dictionary<string, double>();
            foreach (var (column, indicator) in valueColumns)
                if (CellReader.Value(row, column, indicator.Scale, fileName, problems) is { } value) values[indicator.Code] = value;
            if (problems.Count == before && period is not null)
            {
                if (seen.TryGetValue((territory, period.Label), out var first))
                    problems.Add(new ImportProblem(fileName, row.Line, territoryColumn is null ? null : territoryColumn.Index + 1, territoryColumn?.Header, null,
                        $"Le territoire {territory} a déjà une ligne pour la période {period.Label} (ligne {first}).", "Gardez une seule ligne par territoire et par période."));
                else
                {
                    seen[(territory, period.Label)] = row.Line;
                    result.Add(new Row(row.Line, territory, period, values));
                }
            }
            if (ImportProblem.CapReached(problems, fileName, row.Line)) break;
        }
        return result;
    }
}
