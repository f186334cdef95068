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

    /// <summary>
    /// Marks a registered count as sensitive whatever its value: it is hidden as a primary suppression and protected like a
    /// count below the threshold. Used for dominance (every member of a small group gives the same answer: the count of
    /// that answer equals the group's size, and publishing it tells each member's answer).
    /// </summary>
    /// <exception cref="ArgumentException">The key is unknown.</exception>
    public void MarkSensitive(string key)
    {
        var i = Index(key);
        cells[i] = cells[i] with { IsSensitive = true };
    }

    /// <summary>
    /// Declares a published statistic as a linear relation between registered counts: Σ coefficient × count = constant
    /// (a mean m of levels v over n values: Σ v·count(v) − m·n = 0). The relation takes part in secondary suppression and
    /// interval protection like the additive ones.
    /// </summary>
    /// <param name="terms">Keys (registered) and real coefficients.</param>
    /// <param name="constant">The right-hand side.</param>
    /// <exception cref="ArgumentException">A key is unknown, or the registered values do not satisfy the relation.</exception>
    public void Relate(IEnumerable<(string Key, double Coefficient)> terms, double constant = 0)
    {
        var list = terms.Select(t => (Index(t.Key), t.Coefficient)).ToList();
        var sum = list.Sum(t => t.Coefficient * cells[t.Item1].Value);
        if (Math.Abs(sum - constant) > 1e-6 * (1 + Math.Abs(constant)))
            throw new ArgumentException($"The registered values do not satisfy the relation (difference {sum - constant}).", nameof(terms));
        relations.Add(new LedgerRelation([.. list], constant));
    }

    /// <summary>
    /// Withholds a registered count whatever its value, without making it sensitive: it is hidden so that something else
    /// can be published (the level counts of a group whose mean is published), and needs no protection of its own.
    /// </summary>
    /// <exception cref="ArgumentException">The key is unknown.</exception>
    public void Withhold(string key)
    {
        var i = Index(key);
        cells[i] = cells[i] with { IsWithheld = true };
    }

    /// <summary>Undoes <see cref="Withhold"/>.</summary>
    /// <exception cref="ArgumentException">The key is unknown.</exception>
    public void Release(string key)
    {
        var i = Index(key);
        cells[i] = cells[i] with { IsWithheld = false };
    }

    /// <summary>A copy, to try a relation without keeping it.</summary>
    public CountLedger Copy()
    {
        var copy = new CountLedger();
        foreach (var (key, i) in index) copy.index[key] = i;
        copy.cells.AddRange(cells);
        copy.relations.AddRange(relations);
        return copy;
    }

    /// <summary>Declares that <paramref name="total"/> equals the sum of <paramref name="parts"/> (all registered).</summary>
    /// <exception cref="ArgumentException">A key is unknown, or the values do not add up.</exception>
    public void Sum(string total, IEnumerable<string> parts)
    {
        var terms = new List<(int Cell, double Coefficient)> { (Index(total), -1) };
        terms.AddRange(parts.Select(p => (Index(p), 1.0)));
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
/// <param name="IsSensitive">Whether the count is hidden whatever its value (dominance, see <see cref="CountLedger.MarkSensitive"/>).</param>
/// <param name="IsWithheld">Whether the count is hidden to publish something else (see <see cref="CountLedger.Withhold"/>).</param>
public sealed record LedgerCell(string Key, int Value, int Importance, bool IsSensitive = false, bool IsWithheld = false)
{
    /// <summary>Whether the cell is a margin or a key figure.</summary>
    public bool IsTotal => Importance > 0;
}

/// <summary>A linear relation Σ coefficient × cell = constant between registered cells (indices into the ledger).</summary>
/// <param name="Terms">Cell index and coefficient (±1 for the additive relations).</param>
/// <param name="Constant">Right-hand side (0 for the additive relations).</param>
public sealed record LedgerRelation(IReadOnlyList<(int Cell, double Coefficient)> Terms, double Constant = 0);
