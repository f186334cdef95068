using ImpactEval.Collection.Identity;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Import;

/// <summary>
/// The validating pass of an observation import: streams the rows once, resolves participants, waves, dates and
/// values, collects every problem (up to <see cref="ImportProblem.MaxPerFile"/>), and keeps only the compact parsed values.
/// Per-column parsers are resolved once and repeated texts (identifiers, wave labels, dates, level labels) are parsed
/// once, so a million-row file is read in about a second.
/// </summary>
internal sealed class ObservationFileReader
{
    private readonly Protocol protocol;
    private readonly string fileName;
    private readonly EnrolledIdentifiers enrolled;
    private readonly IReadOnlyList<string> waveCodes;
    private readonly int fixedWave;
    private readonly List<ImportProblem> problems;
    private readonly MappedColumn identifier;
    private readonly MappedColumn? waveColumn;
    private readonly MappedColumn? dateColumn;
    private readonly ValueColumn[] valueColumns;
    private readonly Dictionary<string, int> waveCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> dateCache = new(StringComparer.Ordinal);
    private readonly DateOnly today;

    /// <summary>An indicator column: its parser's cache maps texts already read to their value (every level label, and up to <see cref="CachedTexts"/> other texts).</summary>
    private sealed record ValueColumn(MappedColumn Column, Indicator Indicator, bool[] CollectedAt, Dictionary<string, double> Read);

    /// <summary>How many distinct numeric texts a column remembers: counts and ratings repeat a few texts millions of times; measures with many decimals stop filling it.</summary>
    private const int CachedTexts = 4096;

    public ObservationFileReader(Protocol protocol, ColumnMap map, string fileName, EnrolledIdentifiers enrolled,
        IReadOnlyList<string> waveCodes, string? fixedWaveCode, DateOnly today, List<ImportProblem> problems)
    {
        this.today = today;
        this.protocol = protocol;
        this.fileName = fileName;
        this.enrolled = enrolled;
        this.waveCodes = waveCodes;
        this.problems = problems;
        fixedWave = fixedWaveCode is null ? -1 : IndexOf(waveCodes, fixedWaveCode);
        identifier = map.Find(ColumnKind.Identifier)!;
        waveColumn = map.Find(ColumnKind.Wave);
        dateColumn = map.Find(ColumnKind.CollectedOn);
        valueColumns = [.. map.Columns.Where(c => c.Kind == ColumnKind.Indicator).Select(c =>
        {
            var indicator = protocol.FindIndicator(c.Code!)!;
            return new ValueColumn(c, indicator, [.. waveCodes.Select(w => indicator.WaveCodes.Contains(w))], new(StringComparer.Ordinal));
        })];
    }

    /// <summary>The indicator code of each value column, in the order of <see cref="ObservationRows.Values"/>.</summary>
    public IReadOnlyList<string> IndicatorCodes => [.. valueColumns.Select(c => c.Indicator.Code)];

    /// <summary>Data rows read (including rows with problems).</summary>
    public int RowCount { get; private set; }

    /// <summary>Reads every row; problems go to the list given at construction.</summary>
    public ObservationRows Read(IEnumerable<TabularRow> rows)
    {
        var parsed = new ObservationRows(valueColumns.Length);
        var waveCount = waveCodes.Count;
        var seen = new System.Collections.BitArray(checked(Math.Max(1, enrolled.EnrolmentIds.Count * waveCount)));
        var duplicates = new List<(int Slot, int Line)>();
        var values = new double[valueColumns.Length];
        foreach (var row in rows)
        {
            RowCount++;
            var enrolment = Enrolment(row);
            var wave = waveColumn is null ? fixedWave : Wave(row);
            if (waveColumn is not null && fixedWave >= 0 && wave >= 0 && wave != fixedWave)
            {
                problems.Add(new ImportProblem(fileName, row.Line, waveColumn.Index + 1, waveColumn.Header, row.Cells[waveColumn.Index].Trim(),
                    $"La vague {waveCodes[wave]} de cette ligne contredit l’option --wave {waveCodes[fixedWave]}.",
                    "Retirez l’option --wave (la colonne «\u202Fvague\u202F» suffit), ou corrigez la vague de la ligne."));
                wave = -1;
            }
            if (enrolment >= 0 && wave >= 0)
            {
                var slot = enrolment * waveCount + wave;
                if (seen[slot]) duplicates.Add((slot, row.Line));
                else seen[slot] = true;
            }
            var day = dateColumn is null ? ObservationRows.NoDate : DayNumber(row, dateColumn);
            for (var c = 0; c < valueColumns.Length; c++) values[c] = Value(row, valueColumns[c], wave);
            if (enrolment >= 0 && wave >= 0) parsed.Add(row.Line, enrolment, wave, day, values);
            if (problems.Count + duplicates.Count > ImportProblem.MaxPerFile)
            {
                ImportProblem.CapReached(problems, fileName, row.Line);
                break;
            }
        }
        if (duplicates.Count > 0) ReportDuplicates(parsed, duplicates, waveCount);
        return parsed;
    }

    private int Enrolment(TabularRow row)
    {
        var id = CellReader.Text(row, identifier, FieldLimits.Identifier, "L’identifiant", fileName, problems);
        if (id is null) return -1;
        if (id.Length == 0)
        {
            problems.Add(new ImportProblem(fileName, row.Line, identifier.Index + 1, identifier.Header, null, "Identifiant manquant.",
                "Chaque ligne doit porter l’identifiant du participant."));
            return -1;
        }
        return enrolled.Find(id, row.Line, identifier, fileName, problems);
    }

    private int Wave(TabularRow row)
    {
        var text = row.Cells[waveColumn!.Index];
        if (waveCache.TryGetValue(text, out var index)) return index;
        var code = CellReader.Code(row, waveColumn, protocol.Waves.Select(w => (w.Code, w.Label)), "Vague", fileName, problems);
        if (code is null) return -1;
        index = IndexOf(waveCodes, code);
        waveCache[text] = index;
        return index;
    }

    private int DayNumber(TabularRow row, MappedColumn column)
    {
        var text = row.Cells[column.Index];
        if (dateCache.TryGetValue(text, out var day)) return day;
        if (string.IsNullOrWhiteSpace(text)) return ObservationRows.NoDate;
        var date = CellReader.Date(row, column, fileName, problems, required: false, today);
        if (date is null) return ObservationRows.NoDate;
        dateCache[text] = date.Value.DayNumber;
        return date.Value.DayNumber;
    }

    private double Value(TabularRow row, ValueColumn column, int wave)
    {
        var text = row.Cells[column.Column.Index];
        if (string.IsNullOrWhiteSpace(text)) return double.NaN;
        double value;
        if (column.Read.TryGetValue(text, out value)) { }
        else if (CellReader.Value(row, column.Column, column.Indicator.Scale, fileName, problems) is { } read)
        {
            value = read;
            if (column.Indicator.Scale.IsLabelled || column.Read.Count < CachedTexts) column.Read.TryAdd(text, read);
        }
        else return double.NaN;
        if (wave >= 0 && !column.CollectedAt[wave])
        {
            problems.Add(new ImportProblem(fileName, row.Line, column.Column.Index + 1, column.Column.Header, text.Trim(),
                $"L’indicateur «\u202F{column.Indicator.Code}\u202F» n’est pas collecté à la vague {waveCodes[wave]}.",
                $"Il est prévu aux vagues\u202F: {string.Join(", ", column.Indicator.WaveCodes)}."));
            return double.NaN;
        }
        return value;
    }

    private void ReportDuplicates(ObservationRows parsed, List<(int Slot, int Line)> duplicates, int waveCount)
    {
        var first = duplicates.Select(d => d.Slot).Distinct().ToDictionary(s => s, _ => int.MaxValue);
        for (var r = 0; r < parsed.Count; r++)
        {
            var slot = parsed.Enrolment(r) * waveCount + parsed.Wave(r);
            if (first.TryGetValue(slot, out var line) && parsed.Line(r) < line) first[slot] = parsed.Line(r);
        }
        foreach (var (slot, line) in duplicates)
            problems.Add(new ImportProblem(fileName, line, identifier.Index + 1, identifier.Header, null,
                $"Ce participant a déjà une ligne pour la vague {waveCodes[slot % waveCount]} (ligne {first[slot]}).",
                "Gardez une seule ligne par participant et par vague."));
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++) if (codes[i] == code) return i;
        return -1;
    }
}
