using ImpactEval.Reporting.Disclosure;
using Xunit;

namespace ImpactEval.Reporting.Tests.Disclosure;

public class IntervalProtectionTests
{
    /// <summary>
    /// Every integer table with the same published cells and relations, by enumeration: the smallest and largest value a
    /// hidden cell takes (the attacker's exact integer interval, independent of the linear program).
    /// </summary>
    private static (int Lower, int Upper) Enumerate(CountLedger ledger, SuppressionPlan plan, string target, int bound)
    {
        var hidden = ledger.Cells.Select((c, i) => (c, i)).Where(x => plan.IsHidden(x.c.Key)).ToList();
        var values = new int[ledger.Cells.Count];
        for (var i = 0; i < values.Length; i++) values[i] = ledger.Cells[i].Value;
        int lower = int.MaxValue, upper = int.MinValue;
        var targetIndex = ledger.Cells.Select((c, i) => (c, i)).Single(x => x.c.Key == target).i;
        void Walk(int k)
        {
            if (k == hidden.Count)
            {
                if (ledger.Relations.All(r => Math.Abs(r.Terms.Sum(t => t.Coefficient * values[t.Cell]) - r.Constant) < 1e-9))
                {
                    lower = Math.Min(lower, values[targetIndex]);
                    upper = Math.Max(upper, values[targetIndex]);
                }
                return;
            }
            for (var v = 0; v <= bound; v++) { values[hidden[k].i] = v; Walk(k + 1); }
        }
        Walk(0);
        return (lower, upper);
    }

    // A group of 12 on a 3-level scale: 2, 4 and 6 answers; the 2 and the 4 are hidden (below 5). With n and the 6 published,
    // each lies in [0, 6]: the linear program gives exactly the integer interval found by enumeration. Publishing the mean
    // too (2 + 8 + 18 = 28) would fix both: Protect then hides more, and every interval is again at least 5 wide.
    [Fact]
    public void Intervals_ThreeHiddenLevels_MatchEnumeration()
    {
        var ledger = new CountLedger();
        ledger.Add("n", 12, isTotal: true);
        ledger.Add("l1", 2);
        ledger.Add("l2", 4);
        ledger.Add("l3", 6);
        ledger.Sum("n", ["l1", "l2", "l3"]);
        var plan = DisclosureControl.Protect(ledger);
        Assert.True(plan.IsHidden("l1") && plan.IsHidden("l2"));

        foreach (var i in IntervalProtection.Intervals(ledger, plan))
        {
            var (lower, upper) = Enumerate(ledger, plan, i.Key, 12);
            Assert.Equal(lower, i.Lower, 6);
            Assert.Equal(upper, i.Upper, 6);
        }

        var withMean = ledger.Copy();
        withMean.Relate([("l1", 1), ("l2", 2), ("l3", 3), ("n", -28.0 / 12)]);
        var plan2 = DisclosureControl.Protect(withMean);
        foreach (var i in IntervalProtection.Intervals(withMean, plan2))
        {
            var (lower, upper) = Enumerate(withMean, plan2, i.Key, 12);
            Assert.True(i.Lower <= lower + 1e-6 && i.Upper >= upper - 1e-6, $"{i.Key}: LP [{i.Lower}, {i.Upper}] must contain the integer [{lower}, {upper}]");
            Assert.True(i.Protects(plan2.Threshold), $"{i.Key} = {i.Value} lies in [{i.Lower}, {i.Upper}]");
        }
    }

    // A row 3 + 1 = 4 inside a two-way table: hiding the 3 and its complement is not enough when the complement is the 1
    // (3 + 1 = 4 tells the 3 lies in [0, 4], narrower than 5): Protect keeps adding complements until both are protected.
    [Fact]
    public void Protect_NarrowInterval_AddsComplements()
    {
        var ledger = new CountLedger();
        ledger.Add("a", 3);
        ledger.Add("b", 1);
        ledger.Add("c", 20);
        ledger.Add("d", 30);
        ledger.Add("r1", 4, isTotal: true);
        ledger.Add("r2", 50, isTotal: true);
        ledger.Add("k1", 23, isTotal: true);
        ledger.Add("k2", 31, isTotal: true);
        ledger.Sum("r1", ["a", "b"]);
        ledger.Sum("r2", ["c", "d"]);
        ledger.Sum("k1", ["a", "c"]);
        ledger.Sum("k2", ["b", "d"]);

        var plan = DisclosureControl.Protect(ledger);

        Assert.All(IntervalProtection.Intervals(ledger, plan), i => Assert.True(i.Protects(5), $"{i.Key} = {i.Value} lies in [{i.Lower}, {i.Upper}]"));
        Assert.True(plan.IsHidden("r1"), "the margin 4 bounds both small cells: it is hidden too");
    }
}
