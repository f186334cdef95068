using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    // ----- Baseline balance -----

    /// <summary>A balance sample as the analysis names it, with the ledger key part and the wave it belongs to.</summary>
    private sealed record BalanceSample(string Name, string Key, string? Wave, bool Weighted, int Order);

    private static BalanceSample ClassifySample(BuildContext context, BalanceTable table)
    {
        if (table.Weighted) return new BalanceSample(table.Sample, "pondere", null, true, int.MaxValue);
        if (table.Sample == "inscrits") return new BalanceSample(table.Sample, "inscrits", null, false, -1);
        foreach (var wave in context.Protocol.Waves)
            if (table.Sample == $"observés à {wave.Code}") return new BalanceSample(table.Sample, wave.Code, wave.Code, false, wave.Order);
        return new BalanceSample(table.Sample, Slug(table.Sample), null, false, int.MaxValue - 1);
    }

    private static string BalanceN(string sample, string group) => $"equilibre/{sample}/{group}/n";

    private static string BalanceShare(string sample, string group, string covariate, bool yes) => $"equilibre/{sample}/{group}/{covariate}/{(yes ? "oui" : "non")}";

    /// <summary>
    /// Registers the counts behind each balance table: participants per sample and group, and for a binary covariate the
    /// participants with and without it (a share times a published n is a count). Samples are linked to the flow (enrolled,
    /// observed at a wave) and to each other (the analytic sample of a wave and the weighted sample are subsets of the
    /// enrolled), so that no hidden count can be recovered by difference between two tables.
    /// </summary>
    private static void RegisterBalance(BuildContext context, CountLedger ledger)
    {
        var tables = context.Results.Balance.OrderBy(t => ClassifySample(context, t).Order).ToList();
        foreach (var table in tables)
        {
            var sample = ClassifySample(context, table);
            foreach (var focal in new[] { true, false })
            {
                var group = focal ? table.Focal : table.Comparison;
                if (table.Rows.IsDefaultOrEmpty) continue;
                var n = focal ? table.Rows[0].NFocal : table.Rows[0].NComparison;
                // Complete cases: every covariate has the same n. Were it not so, the counts stay unregistered and are never published.
                if (table.Rows.Any(r => (focal ? r.NFocal : r.NComparison) != n)) continue;
                if (context.BalanceKeys.ContainsKey((sample.Key, group))) continue; // the focal group's rows are the same in every contrast
                var own = BalanceN(sample.Key, group);
                var parentKey = (sample.Weighted || sample.Wave is not null) ? context.BalanceKeys.GetValueOrDefault(("inscrits", group)) : null;
                var flowKey = sample.Wave is { } w ? Keys.Observed(group, w) : Keys.Enrolled(group);
                var nKey = sample.Weighted && parentKey is not null ? SameOrOwn(ledger, parentKey, own, n)
                    : ledger.Contains(flowKey) ? SameOrOwn(ledger, flowKey, own, n)
                    : ledger.Add(own, n);
                context.BalanceKeys[(sample.Key, group)] = nKey;
                // Participants left out of the sample (a missing characteristic, not observed at the wave) are counts too.
                if (nKey != flowKey && nKey != parentKey && ledger.Contains(flowKey) && ledger.ValueOf(flowKey) >= n)
                    ledger.Sum(flowKey, [nKey, ledger.Add(own + "/incomplets", ledger.ValueOf(flowKey) - n)]);
                if (parentKey is not null && nKey != parentKey && ledger.ValueOf(parentKey) >= n)
                {
                    var outside = ledger.ValueOf(parentKey) - n;
                    var outsideKey = sample.Wave is { } lw && ledger.Contains(Keys.Lost(group, lw)) ? SameOrOwn(ledger, Keys.Lost(group, lw), own + "/hors-echantillon", outside) : ledger.Add(own + "/hors-echantillon", outside);
                    ledger.Sum(parentKey, [nKey, outsideKey]);
                }
                // The shares of a binary characteristic are counts (share × n). On an analytic sample, set beside the enrolled
                // shares, they also tell the characteristics of the participants left out (enrolled − sample): they are
                // published only when those counts are 0 or at least the threshold, and otherwise withheld with the row's
                // differences (a difference of proportions and a difference of logits together give both shares back).
                if (sample.Weighted) continue;
                foreach (var row in table.Rows.Where(r => r.Kind == CovariateKind.Binary))
                {
                    var mean = focal ? row.MeanFocal : row.MeanComparison;
                    if (n == 0 || !double.IsFinite(mean)) continue;
                    var yes = (int)Math.Round(mean * n);
                    string yesKey = BalanceShare(sample.Key, group, row.Covariate, true), noKey = BalanceShare(sample.Key, group, row.Covariate, false);
                    var enrolledYes = BalanceShare("inscrits", group, row.Covariate, true);
                    var enrolledNo = BalanceShare("inscrits", group, row.Covariate, false);
                    if (sample.Key == "inscrits" || !ledger.Contains(enrolledYes)) ledger.Sum(nKey, [ledger.Add(yesKey, yes), ledger.Add(noKey, n - yes)]);
                    else if (ledger.ValueOf(enrolledYes) == yes && ledger.ValueOf(enrolledNo) == n - yes) (yesKey, noKey) = (enrolledYes, enrolledNo); // the same participants
                    else if (!context.AnalyticShares.Contains((sample.Key, group, row.Covariate))) continue;
                    else
                    {
                        int outYes = ledger.ValueOf(enrolledYes) - yes, outNo = ledger.ValueOf(enrolledNo) - (n - yes);
                        bool Publishable(int c) => c == 0 || c >= context.Options.SuppressionThreshold;
                        if (outYes < 0 || outNo < 0 || !Publishable(outYes) || !Publishable(outNo)) continue;
                        ledger.Sum(nKey, [ledger.Add(yesKey, yes), ledger.Add(noKey, n - yes)]);
                        ledger.Sum(enrolledYes, [yesKey, ledger.Add(yesKey + "/hors-echantillon", outYes)]);
                        ledger.Sum(enrolledNo, [noKey, ledger.Add(noKey + "/hors-echantillon", outNo)]);
                    }
                    context.BalanceShareKeys[(sample.Key, group, row.Covariate)] = (yesKey, noKey);
                    // Dominance: in a small group, "all" or "none" tells each member's characteristic.
                    if (GroupDisclosure.IsSmall(n, context.Options.SuppressionThreshold) && (yes == 0 || yes == n))
                    {
                        ledger.MarkSensitive(yesKey);
                        ledger.MarkSensitive(noKey);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the mean (share) of a covariate in a group on a sample may be published: for a binary characteristic, its
    /// counts with and without it on that sample are registered (see <see cref="RegisterBalance"/>) and not hidden, nor
    /// the sample's n. On a weighted sample, the shares are published only when its participants are the enrolled ones
    /// (the focal group's weights are all 1).
    /// </summary>
    /// <remarks>Dominance: in a small group, a share of 0 % or 100 % tells each member's characteristic (see <see cref="GroupDisclosure"/>).</remarks>
    private static bool BalanceMeanShown(BuildContext context, BalanceSample sample, string group, CovariateBalanceRow row, bool focal)
    {
        var plan = context.Plan;
        if (!plan.AllowsEstimateOn(focal ? row.NFocal : row.NComparison)) return false;
        if (row.Kind != CovariateKind.Binary) return true;
        var key = sample.Key;
        if (sample.Weighted)
        {
            if (context.BalanceKeys.GetValueOrDefault((sample.Key, group)) is not { } weighted || weighted != context.BalanceKeys.GetValueOrDefault(("inscrits", group))) return false;
            key = "inscrits";
        }
        return context.BalanceShareKeys.TryGetValue((key, group, row.Covariate), out var keys)
               && !plan.IsHidden(keys.Yes) && !plan.IsHidden(keys.No)
               && context.BalanceKeys.GetValueOrDefault((key, group)) is { } n && !plan.IsHidden(n);
    }

    /// <summary>
    /// Whether the differences of a row may be published: both groups at or above the threshold, and for a binary
    /// characteristic both shares publishable (a difference of proportions with one share gives the other back, and with
    /// the difference of logits — the Cox index — gives both).
    /// </summary>
    private static bool BalanceDifferenceShown(BuildContext context, BalanceSample sample, BalanceTable table, CovariateBalanceRow row)
    {
        if (!context.Plan.AllowsEstimateOn(row.NFocal) || !context.Plan.AllowsEstimateOn(row.NComparison)) return false;
        if (row.Kind != CovariateKind.Binary) return true;
        // On a weighted sample, a group whose participants are not the enrolled ones publishes weighted shares, not counts.
        bool Shown(string group, bool focal) =>
            (sample.Weighted && context.BalanceKeys.GetValueOrDefault((sample.Key, group)) != context.BalanceKeys.GetValueOrDefault(("inscrits", group)))
            || BalanceMeanShown(context, sample, group, row, focal);
        return Shown(table.Focal, true) && Shown(table.Comparison, false);
    }

    private static string BandText(WwcEquivalenceBand? band) => band switch
    {
        WwcEquivalenceBand.Satisfied => "équivalence satisfaite",
        WwcEquivalenceBand.RequiresStatisticalAdjustment => "ajustement statistique requis",
        WwcEquivalenceBand.NotSatisfied => "équivalence non satisfaite",
        _ => "non calculable",
    };

    private static string IndexText(WwcEquivalenceRow row) => row.Kind == CovariateKind.Binary ? "indice de Cox" : "g de Hedges";

    private static BalanceSection? BuildBalance(BuildContext context)
    {
        var tables = context.Results.Balance;
        if (tables.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var samples = new List<BalanceSampleView>();
        var analyticBands = new List<(string Covariate, WwcEquivalenceBand? Band)>();
        var analyticNames = new List<string>();
        var analyticWithheld = 0;
        foreach (var bySample in tables.GroupBy(t => ClassifySample(context, t)).OrderBy(g => g.Key.Order))
        {
            var sample = bySample.Key;
            var views = new List<BalanceRowView>();
            var rows = new List<TableRow>();
            var bands = new List<(string Covariate, WwcEquivalenceBand? Band)>();
            int withheld = 0;
            double largestBefore = 0, largestAfter = 0;
            foreach (var table in bySample)
            {
                var comparison = context.GroupLabel(table.Comparison);
                var focalKey = context.BalanceKeys.GetValueOrDefault((sample.Key, table.Focal));
                var comparisonKey = context.BalanceKeys.GetValueOrDefault((sample.Key, table.Comparison));
                foreach (var row in table.Rows)
                {
                    var binary = row.Kind == CovariateKind.Binary;
                    var label = context.CovariateLabel(row.Covariate);
                    var focalShown = BalanceMeanShown(context, sample, table.Focal, row, focal: true);
                    var comparisonShown = BalanceMeanShown(context, sample, table.Comparison, row, focal: false);
                    var shown = BalanceDifferenceShown(context, sample, table, row);
                    if (!shown)
                    {
                        withheld++;
                        context.WithheldEstimates++;
                    }
                    var wwc = table.Equivalence.FirstOrDefault(e => e.Covariate == row.Covariate);
                    var focalMean = sample.Weighted ? row.WeightedMeanFocal ?? row.MeanFocal : row.MeanFocal;
                    var comparisonMean = sample.Weighted ? row.WeightedMeanComparison ?? row.MeanComparison : row.MeanComparison;
                    string Mean(double v, bool ok) => !ok ? French.Suppressed : !double.IsFinite(v) ? French.NotAvailable : binary ? French.Percent(v) : French.Number(v, 2);
                    string Diff(double? v) => !shown ? French.Suppressed : v is { } d && double.IsFinite(d) ? French.Number(d, 2) : French.NotAvailable;
                    if (shown)
                    {
                        if (double.IsFinite(row.Difference)) largestBefore = Math.Max(largestBefore, Math.Abs(row.Difference));
                        if (row.WeightedDifference is { } wd && double.IsFinite(wd)) largestAfter = Math.Max(largestAfter, Math.Abs(wd));
                        if (!sample.Weighted) bands.Add((row.Covariate, wwc?.Band));
                    }
                    views.Add(new BalanceRowView(label, comparison,
                        focalKey is null ? French.Suppressed : Cells.CountText(plan, focalKey, row.NFocal),
                        comparisonKey is null ? French.Suppressed : Cells.CountText(plan, comparisonKey, row.NComparison),
                        Mean(focalMean, focalShown), Mean(comparisonMean, comparisonShown),
                        Diff(row.Difference), sample.Weighted ? Diff(row.WeightedDifference) : null,
                        sample.Weighted || wwc is null ? null : shown ? (double.IsFinite(wwc.EffectSize) ? $"{French.Number(wwc.EffectSize, 2)} ({IndexText(wwc)})" : French.NotAvailable) : French.Suppressed,
                        sample.Weighted ? null : shown ? BandText(wwc?.Band) : French.Suppressed,
                        shown));
                    var cells = new List<TableCell>
                    {
                        Cells.Text(label), context.GroupCell(table.Comparison),
                        focalKey is null ? Cells.Hidden(CellKind.Count) : Cells.Count(plan, focalKey, row.NFocal),
                        comparisonKey is null ? Cells.Hidden(CellKind.Count) : Cells.Count(plan, comparisonKey, row.NComparison),
                        binary ? Cells.Percent(focalMean, 1, focalShown) : Cells.Number(focalMean, 2, focalShown),
                        binary ? Cells.Percent(comparisonMean, 1, comparisonShown) : Cells.Number(comparisonMean, 2, comparisonShown),
                        Cells.Number(row.Difference, 2, shown),
                    };
                    if (sample.Weighted)
                    {
                        cells.Add(Cells.Number(row.WeightedDifference ?? double.NaN, 2, shown));
                        cells.Add(Cells.Number(row.WeightedVarianceRatio ?? double.NaN, 2, shown));
                    }
                    else
                    {
                        cells.Add(Cells.Number(row.VarianceRatio ?? double.NaN, 2, shown));
                        cells.Add(Cells.Number(wwc?.EffectSize ?? double.NaN, 2, shown));
                        cells.Add(Cells.Text(wwc is null ? "" : IndexText(wwc)));
                        cells.Add(Cells.Text(shown ? BandText(wwc?.Band) : French.Suppressed));
                    }
                    rows.Add(new TableRow([.. cells]));
                }
            }
            var title = sample switch
            {
                { Weighted: true } => "Participants inscrits, après pondération",
                { Key: "inscrits" } => "Participants inscrits",
                { Wave: { } w } => $"Échantillon analysé à {context.WaveLabel(w)} (participants observés)",
                _ => sample.Name,
            };
            List<TableColumn> columns =
            [
                new("Caractéristique", CellKind.Text), Short.Comparison, Short.FocalN, Short.ComparisonN,
                sample.Weighted ? Short.Of("Moyenne pondérée bénéficiaires", CellKind.Number, "Moy. pond. bén.", "moyenne (ou part) pondérée du groupe bénéficiaire") : Short.FocalMean,
                sample.Weighted ? Short.Of("Moyenne pondérée comparaison", CellKind.Number, "Moy. pond. comp.", "moyenne (ou part) pondérée du groupe de comparaison") : Short.ComparisonMean,
                sample.Weighted ? Short.Of("Différence avant pondération", CellKind.Number, "Diff. avant", "différence avant pondération (standardisée ou de proportions)")
                    : Short.Of("Différence (standardisée ou de proportions)", CellKind.Number, "Diff.", "différence standardisée pour une caractéristique numérique, différence de proportions pour une caractéristique oui/non"),
            ];
            if (sample.Weighted)
            {
                columns.Add(Short.Of("Différence après pondération", CellKind.Number, "Diff. après", "différence après pondération (standardisée ou de proportions)"));
                columns.Add(Short.Of("Rapport des variances après pondération", CellKind.Number, "Rapport var. après", "rapport des variances après pondération"));
            }
            else
            {
                columns.Add(Short.Of("Rapport des variances", CellKind.Number, "Rapport var.", "rapport des variances"));
                columns.Add(new("Écart du WWC", CellKind.Number));
                columns.Add(new("Mesure du WWC", CellKind.Text));
                columns.Add(new("Équivalence (WWC)", CellKind.Text));
            }
            var note = sample.Weighted
                ? "Différences avant et après pondération sur le score de propension (poids ATT), mesurées comme dans le tableau des inscrits : par l'écart-type du groupe bénéficiaire pour une caractéristique numérique, en différence de proportions pour une caractéristique oui/non. Plus la différence après pondération est proche de 0, plus la pondération a rendu les groupes comparables sur cette caractéristique."
                : (sample.Key == "inscrits" ? "" : "Les parts des caractéristiques oui/non ne sont données que parmi les inscrits : rapprochées de celles-ci, elles feraient connaître les caractéristiques des quelques familles perdues de vue (secret statistique) ; leurs différences et le verdict du WWC restent publiés. ")
                  + "Différence (groupe bénéficiaire − groupe de comparaison) : pour une caractéristique numérique, écart des moyennes divisé par l’écart-type du groupe bénéficiaire (différence standardisée) ; pour une caractéristique oui/non, différence de proportions (non standardisée, convention de cobalt). Écart du WWC : g de Hedges (numérique) ou indice de Cox (oui/non), jugé selon les seuils du What Works Clearinghouse : au plus 0,05 en valeur absolue, équivalence satisfaite ; de 0,05 à 0,25, équivalence à condition d’ajuster sur cette caractéristique ; au-delà de 0,25, équivalence non satisfaite.";
            var id = "equilibre-" + Slug(sample.Key);
            var sheet = sample switch
            {
                { Weighted: true } => "Équilibre pondéré",
                { Key: "inscrits" } => "Équilibre inscrits",
                { Wave: { } sw } => $"Équilibre observés {sw}",
                _ => "Équilibre " + sample.Name,
            };
            var reportTable = new ReportTable(id, $"Équilibre initial des caractéristiques — {title}", context.Sheet(sheet), note, [.. columns], [.. rows], InWorkbook: true);
            string summary;
            if (sample.Weighted)
            {
                summary = views.Any(v => v.IsShown)
                    ? $"Après pondération, la plus grande différence publiée est de {French.Number(largestAfter, 2)} en valeur absolue (contre {French.Number(largestBefore, 2)} avant pondération)."
                    : "Les différences après pondération ne sont pas publiées (secret statistique).";
            }
            else
            {
                summary = BandSummary([.. bands.Select(b => b.Band)], withheld);
                if (sample.Wave is not null)
                {
                    analyticBands.AddRange(bands);
                    analyticNames.Add(sample.Wave);
                    analyticWithheld += withheld;
                }
            }
            samples.Add(new BalanceSampleView(sample.Name, title, sample.Wave is not null, sample.Weighted, summary, [.. views], reportTable));
        }
        context.AnalyticBands = analyticNames.Count > 0 ? analyticBands : [.. BandsOf(context, "inscrits")];
        var overall = analyticNames.Count > 0
            ? $"Sur les échantillons analysés ({string.Join(", ", analyticNames.Select(w => "observés à " + w))}) : {LowerFirst(BandSummary([.. analyticBands.Select(b => b.Band)], analyticWithheld))}"
            : samples.FirstOrDefault(s => !s.IsWeighted)?.Summary ?? "";
        return new BalanceSection(overall, [.. samples], BuildLovePlot(context));
    }

    /// <summary>The WWC bands of the shown rows of one unweighted sample.</summary>
    private static IEnumerable<(string Covariate, WwcEquivalenceBand? Band)> BandsOf(BuildContext context, string sampleKey)
    {
        foreach (var table in context.Results.Balance)
        {
            var sample = ClassifySample(context, table);
            if (sample.Key != sampleKey || sample.Weighted) continue;
            foreach (var row in table.Rows)
                if (BalanceDifferenceShown(context, sample, table, row))
                    yield return (row.Covariate, table.Equivalence.FirstOrDefault(e => e.Covariate == row.Covariate)?.Band);
        }
    }

    private static string BandSummary(IReadOnlyCollection<WwcEquivalenceBand?> bands, int withheld)
    {
        if (bands.Count == 0)
            return withheld > 0 ? "Les comparaisons de caractéristiques ne sont pas publiées (secret statistique)." : "Aucune caractéristique n'a pu être comparée.";
        int Count(WwcEquivalenceBand b) => bands.Count(x => x == b);
        var undefined = bands.Count(x => x is null);
        var text = $"Sur {French.Counted(bands.Count, "comparaison de caractéristique", "comparaisons de caractéristiques")}, {Count(WwcEquivalenceBand.Satisfied)} avec une équivalence satisfaite, " +
                   $"{Count(WwcEquivalenceBand.RequiresStatisticalAdjustment)} demandant un ajustement statistique et {Count(WwcEquivalenceBand.NotSatisfied)} sans équivalence (seuils du What Works Clearinghouse)";
        if (undefined > 0) text += $", {French.Counted(undefined, "non calculable", "non calculables")}";
        if (withheld > 0) text += $" ; {French.Counted(withheld, "comparaison non publiée", "comparaisons non publiées")} (secret statistique)";
        return text + ".";
    }

    private static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// The love plot: before and after weighting on the weighted sample when an analysis weights (both measured on the same
    /// participants, cobalt's <c>love.plot</c>), else before weighting on the enrolled.
    /// </summary>
    private static Chart? BuildLovePlot(BuildContext context)
    {
        var weighted = context.Results.Balance.Where(t => t.Weighted).ToList();
        var source = weighted.Count > 0 ? weighted : context.Results.Balance.Where(t => ClassifySample(context, t).Key == "inscrits").ToList();
        if (source.Count == 0) return null;
        var plotRows = new List<LovePlot.Row>();
        var dataRows = new List<TableRow>();
        var comparisons = new List<(string Label, int Style)>();
        foreach (var covariate in context.Protocol.Covariates.Select(c => c.Code).Concat(source.SelectMany(t => t.Rows).Select(r => r.Covariate)).Distinct())
        {
            var points = new List<LovePlot.Point>();
            foreach (var table in source)
            {
                var row = table.Rows.FirstOrDefault(r => r.Covariate == covariate);
                if (row is null) continue;
                var sample = ClassifySample(context, table);
                if (!BalanceDifferenceShown(context, sample, table, row)) continue;
                var style = context.Style(table.Comparison);
                var label = $"vs {context.GroupLabel(table.Comparison)}";
                if (!comparisons.Contains((label, style))) comparisons.Add((label, style));
                points.Add(new LovePlot.Point(style, row.Difference, false));
                if (row.WeightedDifference is { } wd) points.Add(new LovePlot.Point(style, wd, true));
                List<TableCell> cells = [Cells.Text(context.CovariateLabel(covariate)), context.GroupCell(table.Comparison), Cells.Number(row.Difference, 2)];
                if (weighted.Count > 0) cells.Add(Cells.Number(row.WeightedDifference ?? double.NaN, 2));
                dataRows.Add(new TableRow([.. cells]));
            }
            if (points.Count > 0) plotRows.Add(new LovePlot.Row(context.CovariateLabel(covariate), points));
        }
        if (plotRows.Count == 0) return null;
        List<TableColumn> columns = [new("Caractéristique", CellKind.Text), Short.Comparison, new(weighted.Count > 0 ? "Avant pondération" : "Différence", CellKind.Number)];
        if (weighted.Count > 0) columns.Add(new("Après pondération", CellKind.Number));
        var data = new ReportTable("equilibre-graphique", "Données du graphique d'équilibre", context.Sheet("Graphique équilibre"), null, [.. columns], [.. dataRows], InWorkbook: false);
        const string title = "Équilibre initial des caractéristiques (love plot)";
        var description = weighted.Count > 0
            ? "Pour chaque caractéristique mesurée au départ, valeur absolue de la différence entre le groupe bénéficiaire et chaque groupe de comparaison, avant pondération (marqueur plein) et après pondération sur le score de propension (marqueur creux) ; plus le marqueur est à gauche, plus les groupes se ressemblent. Les lignes verticales marquent les seuils 0,05 et 0,25."
            : "Pour chaque caractéristique mesurée au départ, valeur absolue de la différence entre le groupe bénéficiaire et chaque groupe de comparaison parmi les inscrits ; plus le marqueur est à gauche, plus les groupes se ressemblent. Les lignes verticales marquent les seuils 0,05 et 0,25.";
        return new Chart("graphique-equilibre", title, description, LovePlot.Render("graphique-equilibre", title, description, plotRows, comparisons), data);
    }

    // ----- Attrition -----

    private static string AttritionPrefix(AttritionAssessment a) => $"attrition/{a.Wave}/{a.ComparisonGroup}";

    private static void RegisterAttrition(BuildContext context, CountLedger ledger)
    {
        foreach (var a in context.Results.Attrition.Where(a => a.Boundary == AttritionBoundary.Cautious))
        {
            var prefix = AttritionPrefix(a);
            var ef = SameOrOwn(ledger, Keys.Enrolled(a.FocalGroup), prefix + "/inscrits-focal", a.EnrolledFocal);
            var of = SameOrOwn(ledger, Keys.Observed(a.FocalGroup, a.Wave), prefix + "/observes-focal", a.ObservedFocal);
            var ec = SameOrOwn(ledger, Keys.Enrolled(a.ComparisonGroup), prefix + "/inscrits-comparaison", a.EnrolledComparison);
            var oc = SameOrOwn(ledger, Keys.Observed(a.ComparisonGroup, a.Wave), prefix + "/observes-comparaison", a.ObservedComparison);
            if (ef.StartsWith("attrition", StringComparison.Ordinal) || of.StartsWith("attrition", StringComparison.Ordinal))
                ledger.Sum(ef, [of, ledger.Add(prefix + "/perdus-focal", a.EnrolledFocal - a.ObservedFocal)]);
            if (ec.StartsWith("attrition", StringComparison.Ordinal) || oc.StartsWith("attrition", StringComparison.Ordinal))
                ledger.Sum(ec, [oc, ledger.Add(prefix + "/perdus-comparaison", a.EnrolledComparison - a.ObservedComparison)]);
            context.AttritionKeys[prefix] = (ef, of, ec, oc);
        }
    }

    private static AttritionSection? BuildAttrition(BuildContext context)
    {
        var input = context.Results.Attrition;
        if (input.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var views = new List<AttritionRowView>();
        var rows = new List<TableRow>();
        foreach (var cautious in input.Where(a => a.Boundary == AttritionBoundary.Cautious))
        {
            var optimistic = input.FirstOrDefault(a => a.Boundary == AttritionBoundary.Optimistic && a.Wave == cautious.Wave && a.ComparisonGroup == cautious.ComparisonGroup) ?? cautious;
            var prefix = AttritionPrefix(cautious);
            var (ef, of, ec, oc) = context.AttritionKeys[prefix];
            // Rates are counts divided by published totals: shown only when every count behind them is published.
            bool Hidden(string group, string own) =>
                plan.IsHidden(own) || plan.IsHidden(Keys.Lost(group, cautious.Wave)) || plan.IsHidden(Keys.Enrolled(group)) || plan.IsHidden(Keys.Observed(group, cautious.Wave));
            var shown = !Hidden(cautious.FocalGroup, prefix + "/perdus-focal") && !Hidden(cautious.ComparisonGroup, prefix + "/perdus-comparaison")
                        && !plan.IsHidden(ef) && !plan.IsHidden(of) && !plan.IsHidden(ec) && !plan.IsHidden(oc)
                        && plan.AllowsEstimateOn(cautious.EnrolledFocal) && plan.AllowsEstimateOn(cautious.EnrolledComparison);
            if (!shown) context.WithheldEstimates++;
            var wave = context.WaveLabel(cautious.Wave);
            var comparison = context.GroupLabel(cautious.ComparisonGroup);
            var focal = context.GroupLabel(cautious.FocalGroup);
            string Rate(double r) => shown ? French.Percent(r) : French.Suppressed;
            var differential = shown ? French.Quantity(cautious.DifferentialAttritionPoints, 1, "points") : French.Suppressed;
            string Limit(AttritionAssessment a, string name) =>
                $"{a.Verdict} selon la limite {name}" + (a.MaximumDifferentialPoints is { } max
                    ? shown ? $" (écart admis jusqu'à {French.Quantity(max, 1, "points")} à ce niveau d'attrition globale)" : ""
                    : " (attrition globale au-delà de la limite, quel que soit l'écart entre groupes)");
            var sentence = (shown
                    ? $"À {cautious.Wave}, entre le groupe {Quote(focal)} et le groupe {Quote(comparison)} : attrition globale de {French.Percent(cautious.OverallAttritionRate)} et différentielle de {differential} ({French.Percent(cautious.AttritionRateFocal)} des inscrits du groupe bénéficiaire non observés, {French.Percent(cautious.AttritionRateComparison)} du groupe de comparaison) ; "
                    : $"À {cautious.Wave}, entre le groupe {Quote(focal)} et le groupe {Quote(comparison)} : taux d'attrition non publiés (secret statistique) ; ")
                + $"{Limit(cautious, "prudente")} et {Limit(optimistic, "optimiste")} du What Works Clearinghouse.";
            views.Add(new AttritionRowView(wave, comparison, Rate(cautious.AttritionRateFocal), Rate(cautious.AttritionRateComparison), Rate(cautious.OverallAttritionRate),
                differential, cautious.Verdict, optimistic.Verdict, cautious.IsLowAttrition, optimistic.IsLowAttrition, sentence));
            rows.Add(new TableRow([
                context.WaveCell(cautious.Wave), context.GroupCell(cautious.ComparisonGroup),
                Cells.Count(plan, ef, cautious.EnrolledFocal), Cells.Count(plan, of, cautious.ObservedFocal),
                Cells.Count(plan, ec, cautious.EnrolledComparison), Cells.Count(plan, oc, cautious.ObservedComparison),
                Cells.Percent(cautious.OverallAttritionRate, 1, shown), Cells.Number(cautious.DifferentialAttritionPoints, 1, shown),
                Cells.Text(cautious.Verdict), Cells.Text(optimistic.Verdict)]));
        }
        var table = new ReportTable("attrition", "Attrition par temps de mesure et par contraste", context.Sheet("Attrition"),
            "Attrition globale : part des inscrits des deux groupes sans aucune mesure à ce temps ; attrition différentielle : écart entre les attritions des deux groupes, en points. " +
            "Jugée selon les deux limites du What Works Clearinghouse (manuel des standards, version 4.1) : la limite prudente vaut quand le dispositif peut influer sur qui reste suivi, la limite optimiste quand c'est peu probable.",
            [Short.Wave, Short.Comparison,
             Short.Of("Inscrits bénéficiaires", CellKind.Count, "Inscrits bén.", "inscrits du groupe bénéficiaire"),
             Short.Of("Observés bénéficiaires", CellKind.Count, "Observés bén.", "observés du groupe bénéficiaire"),
             Short.Of("Inscrits comparaison", CellKind.Count, "Inscrits comp.", "inscrits du groupe de comparaison"),
             Short.Of("Observés comparaison", CellKind.Count, "Observés comp.", "observés du groupe de comparaison"),
             new("Attrition globale", CellKind.Percent), Short.Of("Attrition différentielle (points)", CellKind.Number, "Attrition diff. (points)", "attrition différentielle, en points"),
             new("Limite prudente", CellKind.Text), new("Limite optimiste", CellKind.Text)],
            [.. rows], InWorkbook: true);
        var total = views.Count;
        var lowCautious = views.Count(v => v.IsLowCautious);
        var lowOptimistic = views.Count(v => v.IsLowOptimistic);
        var summary = lowCautious == total
            ? $"L'attrition est faible pour {(total == 1 ? "le contraste" : $"les {total} contrastes")} analysés, même selon la limite prudente du What Works Clearinghouse."
            : $"Selon la limite prudente du What Works Clearinghouse (dispositif pouvant influer sur qui reste suivi), l'attrition est faible pour {lowCautious} contraste{(lowCautious > 1 ? "s" : "")} sur {total} ; selon la limite optimiste, pour {lowOptimistic} sur {total}. "
              + "Quand l'attrition est élevée, les familles observées peuvent ne plus ressembler aux familles inscrites : l'équilibre de l'échantillon analysé en tient compte en partie.";
        return new AttritionSection(summary, [.. views], table);
    }

    // ----- What the evaluation could detect -----

    // Planned sizes are not data; an observed MDE's sizes are its estimate's, registered with the analyses.
    private static PowerSection? BuildPower(BuildContext context)
    {
        var input = context.Results.Sensitivity;
        if (input.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var views = new List<PowerRowView>();
        var rows = new List<TableRow>();
        var observedShown = new List<double>();
        var plannedShown = new List<double>();
        var ordered = input.OrderBy(d => d.IsPlanned ? -1 : context.Results.Analyses.IndexOf(context.Results.Analyses.First(a => a.Code == d.Analysis)))
            .ThenBy(d => d.Indicator is null ? -1 : context.Protocol.Indicators.IndexOf(context.Protocol.FindIndicator(d.Indicator)!))
            .ThenBy(d => context.Protocol.Groups.IndexOf(context.Protocol.FindGroup(d.Comparison)!));
        foreach (var d in ordered)
        {
            var comparison = context.GroupLabel(d.Comparison);
            TableCell focalCell, comparisonCell;
            bool shown;
            string source, indicatorText = "";
            if (d.IsPlanned)
            {
                source = "prévu (hypothèses du protocole)";
                focalCell = new TableCell(French.Count(d.FocalN), d.FocalN, CellKind.Count, 0, false);
                comparisonCell = new TableCell(French.Count(d.ComparisonN), d.ComparisonN, CellKind.Count, 0, false);
                shown = true;
            }
            else
            {
                var a = context.Results.Analyses.First(x => x.Code == d.Analysis);
                var c = a.Contrasts.First(x => x.Indicator == d.Indicator && x.Focal == d.Focal && x.Comparison == d.Comparison);
                var indicator = context.Protocol.FindIndicator(c.Indicator)!;
                indicatorText = indicator.Label;
                source = $"observé, analyse {a.Code} ({a.Wave})";
                focalCell = Cells.Count(plan, RegisteredContrastKey(context, a, c, focal: true), c.FocalN);
                comparisonCell = Cells.Count(plan, RegisteredContrastKey(context, a, c, focal: false), c.ComparisonN);
                // Shown with its estimate; the SD is pooled from the two groups' SDs, withheld with either.
                shown = plan.AllowsEstimateOn(c.FocalN) && plan.AllowsEstimateOn(c.ComparisonN)
                        && (c.Scale != EffectScale.Difference || (SummaryOrNone(context, indicator, a.Wave, c.Focal) && SummaryOrNone(context, indicator, a.Wave, c.Comparison)));
            }
            if (!shown) context.WithheldEstimates++;
            var mde = shown ? French.Number(d.StandardisedEffect, 2) + French.Space + "écart-type" : French.Suppressed;
            if (shown) (d.IsPlanned ? plannedShown : observedShown).Add(d.StandardisedEffect);
            var halfWidth = d.IsPlanned ? double.NaN : ObservedSensitivity.CriticalValue(1 - d.Alpha, d.DegreesOfFreedom) * d.StandardError / d.OutcomeStandardDeviation;
            if (d.IsPlanned)
                views.Add(new PowerRowView("effectifs prévus", true, comparison, focalCell.Text, comparisonCell.Text, mde,
                    $"Avec les effectifs prévus ({focalCell.Text} et {comparisonCell.Text} participants) et les hypothèses du protocole, l'écart minimal détectable prévu entre le groupe bénéficiaire et le groupe {Quote(comparison)} est de {mde} : un écart plus petit peut exister sans que les données puissent le montrer."));
            rows.Add(new TableRow([Cells.Text(source), d.IsPlanned ? Cells.Missing(CellKind.Text) : Cells.Text(indicatorText), context.GroupCell(d.Comparison), focalCell, comparisonCell,
                d.Clusters > 0 ? new TableCell(French.Count(d.Clusters), d.Clusters, CellKind.Number, 0, false) : Cells.Missing(CellKind.Number),
                Cells.Number(halfWidth, 2, shown && !d.IsPlanned), Cells.Number(d.StandardisedEffect, 2, shown)]));
        }
        var first = input[0];
        var cluster = context.Protocol.Cluster?.Label.ToLowerInvariant() ?? "unité de regroupement";
        var design = context.Protocol.Design;
        var assumptions = $"Hypothèses du protocole pour l'écart prévu : puissance de {French.Percent(design.Power, 0)}, risque de {French.Percent(design.Alpha, 0)} (test bilatéral), " +
                          (design.Icc is { } icc ? $"corrélation entre participants d'une même {cluster} de {French.Number(icc, 2)}, " : "sans prise en compte du regroupement des participants, ") +
                          $"part des écarts expliquée par les caractéristiques de départ de {French.Percent(design.CovariateRSquared, 0)}. " +
                          "L'écart observé se déduit de l'erreur type de chaque estimation, telle que l'analyse l'a calculée (regroupement, covariables et degrés de liberté compris) : " +
                          "il vaut (t à 1 − α/2 + t à la puissance visée) × erreur type, divisé par l'écart-type de l'indicateur dans les deux groupes, soit environ 1,4 fois la demi-largeur de l'intervalle de confiance à 95 %. " +
                          "Un écart de 0,2 écart-type est d'ordinaire qualifié de petit, de 0,5 de moyen.";
        static string Range(List<double> v, string across) => Math.Round(v.Min(), 2) == Math.Round(v.Max(), 2)
            ? $"{French.Number(v[0], 2)}{French.Space}écart-type"
            : $"{French.Number(v.Min(), 2)} à {French.Number(v.Max(), 2)}{French.Space}écart-type selon {across}";
        var parts = new List<string>();
        if (observedShown.Count > 0) parts.Add($"D'après les erreurs types des estimations, l'écart minimal détectable observé est de {Range(observedShown, "l'analyse, l'indicateur et la comparaison")}");
        if (plannedShown.Count > 0) parts.Add(parts.Count == 0
            ? $"Avec les effectifs prévus et les hypothèses du protocole, l'écart minimal détectable prévu est de {Range(plannedShown, "la comparaison")}"
            : $"avec les effectifs prévus et les hypothèses du protocole, il était prévu de {Range(plannedShown, "la comparaison")}");
        var summary = (parts.Count == 0 ? "Les écarts minimaux détectables ne sont pas publiés (secret statistique)" : string.Join(" ; ", parts)) +
                      ". Un résultat non concluant ne montre donc pas l'absence d'écart : seulement qu'un éventuel écart serait plus petit que ce que l'évaluation pouvait détecter.";
        var table = new ReportTable("puissance", "Écart minimal détectable, prévu et observé", context.Sheet("Écart minimal détectable"),
            "Écart minimal détectable : le plus petit écart entre deux groupes, en écarts-types de l'indicateur, que l'évaluation avait " +
            $"{French.Percent(first.Power, 0)} de chances de mettre en évidence au risque de {French.Percent(first.Alpha, 0)}. " + assumptions,
            [new("Écart", CellKind.Text), new("Indicateur", CellKind.Text), new("Groupe de comparaison", CellKind.Text), new("n bénéficiaires", CellKind.Count), new("n comparaison", CellKind.Count),
             new(context.Protocol.Cluster is { } cl ? $"Unités ({cl.Label.ToLowerInvariant()})" : "Unités de regroupement", CellKind.Number),
             new("Demi-largeur de l'intervalle (écart-type)", CellKind.Number),
             new("Écart minimal détectable (écart-type)", CellKind.Number)],
            [.. rows], InWorkbook: true);
        return new PowerSection(summary, assumptions, [.. views], table);
    }

    private static bool SummaryOrNone(BuildContext context, Core.Model.Indicator indicator, string wave, string group) =>
        context.Descriptives(indicator.Code, wave, group) is null || context.SummaryShown(indicator, wave, group);
}
