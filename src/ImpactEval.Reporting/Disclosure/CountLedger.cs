namespace ImpactEval.Reporting.Disclosure;

/// <summary>
/// Every count a report is about to publish, with the additive relations between them (a total equals the sum
/// of its parts; enrolled equals observed plus lost…). <see cref="DisclosureControl.Protect"/> reads it to decide
/// which counts to hide. Filled while the report model is built, before anything is formatted.
/// </summary>
/// <remarks>
/// Keys are free strings chosen by the caller ("flow/BEN/enrolled"); a key registered twice must carry the same
/// value (the same count published in two tables is one cell, so both tables hide it together).
/// </remarks>
public sealed class CountLedger
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<LedgerCell> cells = [];
    private readonly List<LedgerRelation> relations = [];

    /// <summary>The cells in registration order.</summary>
    public IReadOnlyList<LedgerCell> Cells => cells;

    /// <summary>The relations in registration order.</summary>
    public IReadOnlyList<LedgerRelation> Relations => relations;

    /// <summary>Registers a published count (idempotent for the same key and value).</summary>
    /// <param name="key">Stable key of the cell.</param>
    /// <param name="value">The count, ≥ 0.</param>
    /// <param name="isTotal">Whether the cell is a margin (hidden as a complement only when no inner cell can be).</param>
    /// <param name="isKeyFigure">Whether the cell is a key figure of the report (a group's enrolment, a denominator), hidden as a
    /// complement only as a last resort: hiding it would withhold every rate computed on it.</param>
    /// <exception cref="ArgumentException">The key is already registered with another value, or the value is negative.</exception>
    public string Add(string key, int value, bool isTotal = false, bool isKeyFigure = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var importance = isKeyFigure ? 2 : isTotal ? 1 : 0;
        if (index.TryGetValue(key, out var existing))
        {
            if (cells[existing].Value != value)
                throw new ArgumentException($"Cell '{key}' registered with {cells[existing].Value} then {value}.", nameof(value));
            if (importance > cells[existing].Importance) cells[existing] = cells[existing] with { Importance = importance };
            return key;
        }
        index[key] = cells.Count;
        cells.Add(new LedgerCell(key, value, importance));
        return key;
    }

    /// <summary>Declares that <paramref name="total"/> equals the sum of <paramref name="parts"/> (all registered).</summary>
    /// <exception cref="ArgumentException">A key is unknown, or the values do not add up.</exception>
    public void Sum(string total, IEnumerable<string> parts)
    {
        var terms = new List<(int Cell, int Coefficient)> { (Index(total), -1) };
        terms.AddRange(parts.Select(p => (Index(p), 1)));
        var sum = terms.Sum(t => (long)t.Coefficient * cells[t.Cell].Value);
        if (sum != 0) throw new ArgumentException($"The parts of '{total}' do not add up to it (difference {sum}).", nameof(parts));
        relations.Add(new LedgerRelation([.. terms]));
    }

    /// <summary>Whether a key is registered.</summary>
    public bool Contains(string key) => index.ContainsKey(key);

    /// <summary>The value registered for a key.</summary>
    public int ValueOf(string key) => cells[Index(key)].Value;

    internal int Index(string key) =>
        index.TryGetValue(key, out var i) ? i : throw new ArgumentException($"Unknown cell '{key}'.", nameof(key));
}

/// <summary>A count registered in a <see cref="CountLedger"/>.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Value">The count.</param>
/// <param name="Importance">0 for an inner cell, 1 for a margin, 2 for a key figure: complements are taken from the least important cells first.</param>
public sealed record LedgerCell(string Key, int Value, int Importance)
{
    /// <summary>Whether the cell is a margin or a key figure.</summary>
    public bool IsTotal => Importance > 0;
}

/// <summary>A linear relation Σ coefficient × cell = 0 between registered cells (indices into the ledger).</summary>
/// <param name="Terms">Cell index and integer coefficient.</param>
public sealed record LedgerRelation(IReadOnlyList<(int Cell, int Coefficient)> Terms);
