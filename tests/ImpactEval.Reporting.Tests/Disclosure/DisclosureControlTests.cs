using ImpactEval.Reporting.Disclosure;
using Xunit;

namespace ImpactEval.Reporting.Tests.Disclosure;

public class DisclosureControlTests
{
    /// <summary>Registers a table of counts with its row totals, column totals and grand total.</summary>
    private static CountLedger Table(int[,] cells)
    {
        var ledger = new CountLedger();
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                ledger.Add($"c{r}{c}", cells[r, c]);
        for (var r = 0; r < rows; r++)
        {
            ledger.Add($"r{r}", Enumerable.Range(0, columns).Sum(c => cells[r, c]), isTotal: true);
            ledger.Sum($"r{r}", Enumerable.Range(0, columns).Select(c => $"c{r}{c}"));
        }
        for (var c = 0; c < columns; c++)
        {
            ledger.Add($"k{c}", Enumerable.Range(0, rows).Sum(r => cells[r, c]), isTotal: true);
            ledger.Sum($"k{c}", Enumerable.Range(0, rows).Select(r => $"c{r}{c}"));
        }
        var all = Enumerable.Range(0, rows).Sum(r => Enumerable.Range(0, columns).Sum(c => cells[r, c]));
        ledger.Add("t", all, isTotal: true);
        ledger.Sum("t", Enumerable.Range(0, rows).Select(r => $"r{r}"));
        ledger.Sum("t", Enumerable.Range(0, columns).Select(c => $"k{c}"));
        return ledger;
    }

    /// <summary>
    /// An attacker's check, independent of the implementation: is there another non-negative table, equal on every
    /// published cell and satisfying every relation, in which <paramref name="target"/> has a different value? Tries every
    /// perturbation of −1, 0 or +1 on the hidden cells (enough to show non-uniqueness on these small tables).
    /// </summary>
    private static bool HasAlternative(CountLedger ledger, SuppressionPlan plan, string target)
    {
        var hidden = ledger.Cells.Select((c, i) => (c, i)).Where(x => plan.IsHidden(x.c.Key)).ToList();
        Assert.True(hidden.Count <= 12, "too many hidden cells for the exhaustive check");
        var position = hidden.Select((h, j) => (h.i, j)).ToDictionary(x => x.i, x => x.j);
        var targetIndex = hidden.FindIndex(h => h.c.Key == target);
        var total = (int)Math.Pow(3, hidden.Count);
        var d = new int[hidden.Count];
        for (var code = 0; code < total; code++)
        {
            var rest = code;
            for (var j = 0; j < d.Length; j++) { d[j] = rest % 3 - 1; rest /= 3; }
            if (d[targetIndex] == 0) continue;
            if (hidden.Select((h, j) => h.c.Value + d[j]).Any(v => v < 0)) continue;
            var consistent = ledger.Relations.All(r => r.Terms.Sum(t => position.TryGetValue(t.Cell, out var j) ? t.Coefficient * d[j] : 0) == 0);
            if (consistent) return true;
        }
        return false;
    }

    // The case: a table of families by group and answer, with row and column totals, has one cell of 3.
    // Hiding the 3 alone would let anyone recompute it from its row total; the published table must not allow it.
    [Fact]
    public void Protect_CellOfThreeWithMargins_ThreeCannotBeRecovered()
    {
        var ledger = Table(new[,] { { 3, 12, 20 }, { 15, 9, 30 }, { 22, 18, 11 } });

        var plan = DisclosureControl.Protect(ledger);

        Assert.True(plan.IsHidden("c00"));
        Assert.Equal(1, plan.PrimaryCount);
        Assert.True(plan.SecondaryCount >= 3, "a lone cell needs at least three complements (a rectangle) in a two-way table");
        foreach (var cell in plan.Hidden) Assert.True(HasAlternative(ledger, plan, cell), $"{cell} can be recovered");
        Assert.False(plan.IsHidden("t"));
    }

    // Two small cells in different rows and columns.
    [Fact]
    public void Protect_TwoSmallCells_NoHiddenCellRecoverable()
    {
        var ledger = Table(new[,] { { 2, 14, 25 }, { 16, 4, 31 }, { 21, 17, 12 } });

        var plan = DisclosureControl.Protect(ledger);

        Assert.True(plan.IsHidden("c00") && plan.IsHidden("c11"));
        foreach (var cell in plan.Hidden) Assert.True(HasAlternative(ledger, plan, cell), $"{cell} can be recovered");
        Assert.Empty(DisclosureControl.Recoverable(ledger.Relations, [.. ledger.Cells.Select(c => plan.IsHidden(c.Key))]));
    }

    // A group of 3 families beside a group of 40 and their total: the other group (not the total) is hidden with it.
    [Fact]
    public void Protect_GroupOfThreeBesideTotal_ComplementIsTheOtherGroup()
    {
        var ledger = new CountLedger();
        ledger.Add("ben", 3);
        ledger.Add("comp", 40);
        ledger.Add("total", 43, isTotal: true);
        ledger.Sum("total", ["ben", "comp"]);

        var plan = DisclosureControl.Protect(ledger);

        Assert.True(plan.IsHidden("ben"));
        Assert.True(plan.IsHidden("comp"));
        Assert.False(plan.IsHidden("total"));
    }

    // Linked tables: enrolled = observed + lost for each group, and totals across groups; a lost count of 2 must
    // stay hidden even though enrolled, observed and the totals are related in several ways.
    [Fact]
    public void Protect_LinkedFlowRelations_LostCountNotRecoverable()
    {
        var ledger = new CountLedger();
        foreach (var (g, enrolled, observed) in new[] { ("a", 40, 38), ("b", 35, 20), ("c", 50, 41) })
        {
            ledger.Add($"{g}/e", enrolled);
            ledger.Add($"{g}/o", observed);
            ledger.Add($"{g}/l", enrolled - observed);
            ledger.Sum($"{g}/e", [$"{g}/o", $"{g}/l"]);
        }
        foreach (var k in new[] { "e", "o", "l" })
        {
            ledger.Add($"t/{k}", new[] { "a", "b", "c" }.Sum(g => ledger.ValueOf($"{g}/{k}")), isTotal: true);
            ledger.Sum($"t/{k}", new[] { "a", "b", "c" }.Select(g => $"{g}/{k}"));
        }
        ledger.Sum("t/e", ["t/o", "t/l"]);

        var plan = DisclosureControl.Protect(ledger);

        Assert.True(plan.IsHidden("a/l"));
        foreach (var cell in plan.Hidden) Assert.True(HasAlternative(ledger, plan, cell), $"{cell} can be recovered");
    }

    // Zero identifies nobody and stays published; nothing is hidden when every count reaches the threshold.
    [Fact]
    public void Protect_ZerosAndLargeCounts_NothingHidden()
    {
        var plan = DisclosureControl.Protect(Table(new[,] { { 0, 12 }, { 15, 9 } }));

        Assert.False(plan.Any);
    }

    // Some health data use a threshold of 11: a 9 is then hidden too.
    [Fact]
    public void Protect_ThresholdEleven_HidesNine()
    {
        var ledger = Table(new[,] { { 9, 30 }, { 25, 40 } });

        var plan = DisclosureControl.Protect(ledger, threshold: 11);

        Assert.True(plan.IsHidden("c00"));
        foreach (var cell in plan.Hidden) Assert.True(HasAlternative(ledger, plan, cell), $"{cell} can be recovered");
    }

    // Registering the same count twice under one key is one cell; a different value is a bug.
    [Fact]
    public void Add_SameKeyOtherValue_Throws()
    {
        var ledger = new CountLedger();
        ledger.Add("x", 4);
        ledger.Add("x", 4);

        Assert.Throws<ArgumentException>(() => ledger.Add("x", 5));
        Assert.Single(ledger.Cells);
    }
}
