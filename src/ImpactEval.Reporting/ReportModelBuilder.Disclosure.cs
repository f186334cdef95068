using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Statistics;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    /// <summary>
    /// The disclosure decision of a report without the report: every count it would publish with the relations between
    /// them (margins, flows, the means it publishes), and the suppression plan. For audits and tests (interval protection).
    /// </summary>
    /// <param name="protocol">The protocol the results come from.</param>
    /// <param name="results">The analysis results.</param>
    /// <param name="options">Disclosure threshold; defaults when null.</param>
    /// <exception cref="ArgumentException">The results belong to another protocol.</exception>
    public static DisclosureAudit Audit(Protocol protocol, AnalysisResults results, ReportOptions? options = null)
    {
        if (results.ProtocolId != protocol.Id)
            throw new ArgumentException($"Results of protocol '{results.ProtocolId}' cannot be reported with protocol '{protocol.Id}'.", nameof(results));
        var context = new BuildContext(protocol, results, options ?? ReportOptions.Default);
        return Disclose(context);
    }

    /// <summary>
    /// Registers every published count, decides what to hide, then which means of labelled indicators can be published
    /// beside hidden level counts; sets <see cref="BuildContext.Plan"/>.
    /// </summary>
    private static DisclosureAudit Disclose(BuildContext context)
    {
        var threshold = context.Options.SuppressionThreshold;
        var (ledger, plan) = Register(context, []);
        // The shares of yes/no characteristics on analytic samples are counts whose n and enrolled counts must stay
        // published: were they hidden, every characteristic would give them back (n = yes + no). They are added, in a
        // second pass, only where the first pass publishes those.
        var analyticShares = AnalyticShares(context, plan);
        if (analyticShares.Count > 0) (ledger, plan) = Register(context, analyticShares);

        // A labelled indicator's group with a hidden level count: its mean would give the hidden counts back with the
        // others. Rather than withholding the mean (the trajectory of a group of 20 would vanish), the group's level
        // counts are all withheld and the mean (with its interval and SD, or alone) is published when every sensitive
        // count stays interval-protected with it.
        var candidates = LabelledGroups(context).Where(x => !context.Dominated.Contains(x.Key) && x.Descriptives.Summary is { } s && double.IsFinite(s.Mean.Value)
            && plan.AllowsEstimateOn(x.Descriptives.N) && x.LevelKeys.Any(k => plan.IsHidden(k.Key))).ToList();
        if (candidates.Count == 0) return Done(context, ledger, plan);
        foreach (var c in candidates)
            foreach (var (key, _) in c.LevelKeys) ledger.Withhold(key);
        var withheld = DisclosureControl.Protect(ledger, threshold);
        var released = new List<LabelledGroup>();
        foreach (var c in candidates)
        {
            var s = c.Descriptives.Summary!;
            var m = s.Mean.Value;
            var mean = c.LevelKeys.Select(k => (k.Key, k.Value)).Append((c.NKey, -m)).ToList();
            var full = withheld.IsHidden(c.NKey) || !double.IsFinite(s.StandardDeviation) ? null
                : c.LevelKeys.Select(k => (k.Key, k.Value * k.Value)).Append((c.NKey, -(m * m + s.StandardDeviation * s.StandardDeviation))).ToList();
            if (full is not null && Protected(ledger, withheld, [(mean, 0), (full, -s.StandardDeviation * s.StandardDeviation)]))
            {
                ledger.Relate(mean);
                ledger.Relate(full, -s.StandardDeviation * s.StandardDeviation);
                context.Released[c.Key] = SummaryRelease.Full;
                released.Add(c);
            }
            else if (Protected(ledger, withheld, [(mean, 0)]))
            {
                ledger.Relate(mean);
                context.Released[c.Key] = SummaryRelease.MeanOnly;
                released.Add(c);
            }
        }
        if (released.Count == candidates.Count) return Done(context, ledger, withheld);
        // The groups whose mean could not be published keep their distribution as before.
        foreach (var c in candidates.Except(released))
            foreach (var (key, _) in c.LevelKeys) ledger.Release(key);
        return Done(context, ledger, DisclosureControl.Protect(ledger, threshold));

        static DisclosureAudit Done(BuildContext context, CountLedger ledger, SuppressionPlan plan)
        {
            context.Plan = plan;
            return new DisclosureAudit(ledger, plan);
        }
    }

    private static (CountLedger Ledger, SuppressionPlan Plan) Register(BuildContext context, HashSet<(string Sample, string Group, string Covariate)> analyticShares)
    {
        context.ResetRegistration(analyticShares);
        var ledger = new CountLedger();
        RegisterFlow(context, ledger);
        RegisterDescriptives(context, ledger);
        RegisterDominance(context, ledger);
        RegisterBalance(context, ledger);
        RegisterAttrition(context, ledger);
        RegisterAnalyses(context, ledger);
        RegisterWeighting(context, ledger);
        return (ledger, DisclosureControl.Protect(ledger, context.Options.SuppressionThreshold));
    }

    /// <summary>The (analytic sample, group, characteristic) whose sample n, enrolled n and enrolled counts with and without it are all published by <paramref name="plan"/>.</summary>
    private static HashSet<(string Sample, string Group, string Covariate)> AnalyticShares(BuildContext context, SuppressionPlan plan)
    {
        var result = new HashSet<(string, string, string)>();
        foreach (var table in context.Results.Balance)
        {
            var sample = ClassifySample(context, table);
            if (sample.Weighted || sample.Key == "inscrits") continue;
            foreach (var group in new[] { table.Focal, table.Comparison })
            {
                if (context.BalanceKeys.GetValueOrDefault((sample.Key, group)) is not { } n || plan.IsHidden(n)) continue;
                if (context.BalanceKeys.GetValueOrDefault(("inscrits", group)) is not { } enrolled || plan.IsHidden(enrolled)) continue;
                foreach (var row in table.Rows.Where(r => r.Kind == CovariateKind.Binary))
                    if (context.BalanceShareKeys.TryGetValue(("inscrits", group, row.Covariate), out var keys) && !plan.IsHidden(keys.Yes) && !plan.IsHidden(keys.No))
                        result.Add((sample.Key, group, row.Covariate));
            }
        }
        return result;
    }

    /// <summary>Whether every sensitive hidden count stays interval-protected once the relations are published too.</summary>
    private static bool Protected(CountLedger ledger, SuppressionPlan plan, IEnumerable<(List<(string Key, double Coefficient)> Terms, double Constant)> relations)
    {
        var trial = ledger.Copy();
        foreach (var (terms, constant) in relations) trial.Relate(terms, constant);
        if (DisclosureControl.Recoverable(trial, plan).Count > 0) return false;
        return IntervalProtection.Intervals(trial, plan).All(i => i.Protects(plan.Threshold));
    }

    /// <summary>A group of a labelled indicator at a wave whose level counts are registered (they add up to its n).</summary>
    private sealed record LabelledGroup((string Indicator, string Wave, string Group) Key, GroupDescriptives Descriptives, string NKey, List<(string Key, double Value)> LevelKeys);

    private static IEnumerable<LabelledGroup> LabelledGroups(BuildContext context)
    {
        foreach (var d in context.Results.Descriptives)
        foreach (var g in d.Groups)
        {
            if (g.Levels is not { } levels || levels.Levels.Sum(l => l.Share.Count) != g.N) continue;
            yield return new LabelledGroup((d.Indicator, d.Wave, g.Group), g, Keys.DescN(d.Indicator, d.Wave, g.Group),
                [.. levels.Levels.Select(l => (Keys.DescLevel(d.Indicator, d.Wave, g.Group, l.Level.Code), l.Level.Code))]);
        }
    }

    /// <summary>
    /// Dominance in a small group (<see cref="GroupDisclosure.IsSmall"/>): every value of the group at one level of a
    /// labelled indicator, or a zero standard deviation, tells each member's answer. The level counts become sensitive
    /// (hidden and protected whatever their value) and the group's summary is withheld.
    /// </summary>
    private static void RegisterDominance(BuildContext context, CountLedger ledger)
    {
        var threshold = context.Options.SuppressionThreshold;
        foreach (var d in context.Results.Descriptives)
        foreach (var g in d.Groups)
        {
            if (!GroupDisclosure.IsSmall(g.N, threshold)) continue;
            var levels = g.Levels?.Levels.Select(l => l.Share.Count).ToList();
            if (!GroupDisclosure.IsDominated(g.N, levels, g.Summary?.StandardDeviation)) continue;
            context.Dominated.Add((d.Indicator, d.Wave, g.Group));
            if (g.Levels is { } distribution && levels!.Sum() == g.N)
                foreach (var l in distribution.Levels) ledger.MarkSensitive(Keys.DescLevel(d.Indicator, d.Wave, g.Group, l.Level.Code));
        }
    }
}
