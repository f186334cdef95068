namespace ImpactEval.Collection.Import;

/// <summary>
/// The parsed rows of an observation file in compact columnar chunks (about 14 bytes per row plus 8 per indicator
/// column), so that a million-row file is held in a few tens of megabytes, without one object per row or per value
/// and without large reallocations.
/// </summary>
/// <remarks>Empty cells are NaN; a missing date is <see cref="NoDate"/>. Indexes are dense (enrolment and wave positions in the importer's lookups).</remarks>
internal sealed class ObservationRows(int valueColumns)
{
    /// <summary>The stored day number of a row without a collection date.</summary>
    public const int NoDate = int.MinValue;

    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly List<int[]> lines = [];
    private readonly List<int[]> enrolments = [];
    private readonly List<short[]> waves = [];
    private readonly List<int[]> dates = [];
    private readonly List<double[]> values = [];

    /// <summary>Number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>Number of non-empty values.</summary>
    public long ValueCount { get; private set; }

    /// <summary>Number of indicator columns.</summary>
    public int ValueColumns => valueColumns;

    /// <summary>Appends a row.</summary>
    public void Add(int line, int enrolment, int wave, int dayNumber, ReadOnlySpan<double> rowValues)
    {
        var offset = Count & Mask;
        if (offset == 0)
        {
            lines.Add(new int[ChunkSize]);
            enrolments.Add(new int[ChunkSize]);
            waves.Add(new short[ChunkSize]);
            dates.Add(new int[ChunkSize]);
            values.Add(new double[ChunkSize * valueColumns]);
        }
        var chunk = Count >> Shift;
        lines[chunk][offset] = line;
        enrolments[chunk][offset] = enrolment;
        waves[chunk][offset] = (short)wave;
        dates[chunk][offset] = dayNumber;
        rowValues.CopyTo(values[chunk].AsSpan(offset * valueColumns, valueColumns));
        foreach (var value in rowValues) if (!double.IsNaN(value)) ValueCount++;
        Count++;
    }

    /// <summary>File line of row <paramref name="row"/>.</summary>
    public int Line(int row) => lines[row >> Shift][row & Mask];

    /// <summary>Enrolment index of a row.</summary>
    public int Enrolment(int row) => enrolments[row >> Shift][row & Mask];

    /// <summary>Wave index of a row.</summary>
    public int Wave(int row) => waves[row >> Shift][row & Mask];

    /// <summary>Collection date of a row as a day number, or <see cref="NoDate"/>.</summary>
    public int DayNumber(int row) => dates[row >> Shift][row & Mask];

    /// <summary>The values of a row, one per indicator column (NaN when empty).</summary>
    public ReadOnlySpan<double> Values(int row) => values[row >> Shift].AsSpan((row & Mask) * valueColumns, valueColumns);
}
