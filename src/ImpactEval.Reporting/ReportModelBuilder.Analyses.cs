using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static string ContrastKey(AnalysisResult a, ContrastEstimate c, string side) => $"contraste/{a.Code}/{c.Indicator}/{c.Focal}-{c.Comparison}/{side}";

    private static void RegisterAnalyses(BuildContext context, CountLedger ledger)
    {
        foreach (var a in context.Results.Analyses)
        foreach (var c in a.Contrasts)
        {
            SameOrOwn(ledger, Keys.DescN(c.Indicator, a.Wave, c.Focal), ContrastKey(a, c, "focal"), c.FocalN);
            SameOrOwn(ledger, Keys.DescN(c.Indicator, a.Wave, c.Comparison), ContrastKey(a, c, "comparaison"), c.ComparisonN);
        }
        RegisterChanges(context, ledger);
    }

    private static string RegisteredContrastKey(BuildContext context, AnalysisResult a, ContrastEstimate c, bool focal)
    {
        var group = focal ? c.Focal : c.Comparison;
        var n = focal ? c.FocalN : c.ComparisonN;
        var d = context.Descriptives(c.Indicator, a.Wave, group);
        return d is not null && d.N == n ? Keys.DescN(c.Indicator, a.Wave, group) : ContrastKey(a, c, focal ? "focal" : "comparaison");
    }

    private static ImmutableArray<AnalysisSection> BuildAnalyses(BuildContext context)
    {
        var plan = context.Plan;
        var p = context.Protocol;
        var sections = new List<AnalysisSection>();
        foreach (var a in context.Results.Analyses)
        {
            var spec = p.Analyses.FirstOrDefault(s => s.Code == a.Code);
            var scale = a.Contrasts.IsDefaultOrEmpty ? EffectScale.Difference : a.Contrasts[0].Scale;
            var oddsRatio = scale.IsRatio();
            var adjusts = Adjusts(a, spec);
            var views = new List<ContrastView>();
            var rows = new List<TableRow>();
            var forest = new List<ForestPlot.Row>();
            var multiplicity = Vocabulary.Correction(a.Multiplicity);
            int favourable = 0, unfavourable = 0, inconclusive = 0, withheld = 0, failed = 0;
            foreach (var c in a.Contrasts)
            {
                var indicator = p.FindIndicator(c.Indicator);
                if (indicator is null) continue;
                var focalKey = RegisteredContrastKey(context, a, c, focal: true);
                var comparisonKey = RegisteredContrastKey(context, a, c, focal: false);
                var focalLabel = context.GroupLabel(c.Focal);
                var comparisonLabel = context.GroupLabel(c.Comparison);
                var effect = c.Effect;
                // An unadjusted contrast (a raw difference of means or shares, their ratio, a rank comparison of two groups) is a
                // function of the two groups' summaries that can be inverted: with one group's published mean (share) it gives
                // the other's back, so it goes with the two summaries.
                var rawMeans = GroupDisclosure.IsInvertible(a.Estimator, Adjusts(a, spec));
                var focalSummary = context.Descriptives(c.Indicator, a.Wave, c.Focal) is null || context.SummaryShown(indicator, a.Wave, c.Focal);
                var comparisonSummary = context.Descriptives(c.Indicator, a.Wave, c.Comparison) is null || context.SummaryShown(indicator, a.Wave, c.Comparison);
                // Withheld when a group is below the threshold, or when the effect is a raw difference of means one of which is withheld
                // (the other mean and the difference would give it back).
                // (A number of participants hidden only to protect another count does not withhold the estimate.)
                var shown = plan.AllowsEstimateOn(c.FocalN) && plan.AllowsEstimateOn(c.ComparisonN)
                            && (!rawMeans || (focalSummary && comparisonSummary));
                var estimated = effect is not null && effect.IsEstimable;
                if (!shown && estimated) context.WithheldEstimates++;
                var binary = indicator.Scale.Type == ValueType.Binary;
                var decimals = c.Scale is EffectScale.OddsRatio or EffectScale.RiskRatio or EffectScale.ProbabilityOfSuperiority ? 2 : binary ? 3 : Decimals.ForScale(indicator.Scale);
                var meanDecimals = Decimals.ForScale(indicator.Scale);
                string MeanText(double m, bool ok) => !ok || !shown ? French.Suppressed : binary ? French.Percent(m) : French.Number(m, meanDecimals);

                string sentence;
                if (!shown) sentence = ContrastInterpretation.Withheld;
                else if (!estimated) sentence = ContrastInterpretation.NotEstimated(focalLabel, comparisonLabel, c.FailureReason);
                else
                {
                    sentence = ContrastInterpretation.Describe(new ContrastInterpretation.Input(
                        indicator, focalLabel, comparisonLabel, c.Scale, effect!.Value, effect.Interval.Lower, effect.Interval.Upper, effect.Interval.Level,
                        c.Adjusted is { } adj && !adj.IsMissing ? adj.Value : null, multiplicity,
                        AdjustsForCovariates: adjusts,
                        Randomised: false, c.FocalN, c.ComparisonN,
                        SizesPublished: !plan.IsHidden(focalKey) && !plan.IsHidden(comparisonKey), OfChanges: a.Estimator.IsChange()));
                }
                var show = shown && estimated;
                if (!shown) withheld++;
                else if (!estimated) failed++;
                else
                {
                    var nullValue = c.Scale.NullValue();
                    // Counted as the detail reads it: a gap the multiplicity correction no longer distinguishes is inconclusive.
                    var excludes = (effect!.Interval.Lower > nullValue || effect.Interval.Upper < nullValue)
                                   && ContrastInterpretation.StaysClearAfterAdjustment(c.Adjusted is { IsMissing: false } adj2 ? adj2.Value : null, effect.Interval.Level);
                    var better = (effect.Value > nullValue) == (indicator.Direction == Direction.HigherIsBetter);
                    if (!excludes) inconclusive++;
                    else if (better) favourable++;
                    else unfavourable++;
                }
                var e = effect;
                views.Add(new ContrastView(
                    c.Indicator, indicator.Label, focalLabel, comparisonLabel,
                    Cells.CountText(plan, focalKey, c.FocalN), Cells.CountText(plan, comparisonKey, c.ComparisonN),
                    MeanText(c.FocalMean, focalSummary), MeanText(c.ComparisonMean, comparisonSummary),
                    show ? French.Number(e!.Value, decimals) : shown ? French.NotAvailable : French.Suppressed,
                    show ? French.Bounds(e!.Interval.Lower, e.Interval.Upper, decimals) : shown ? French.NotAvailable : French.Suppressed,
                    show ? French.Interval(e!.Value, e.Interval.Lower, e.Interval.Upper, decimals) : shown ? French.NotAvailable : French.Suppressed,
                    show ? French.PValue(e!.PValue) : shown ? French.NotAvailable : French.Suppressed,
                    c.Adjusted is { } ap ? (show ? French.PValue(ap.Value, "p ajustée") : shown ? French.NotAvailable : French.Suppressed) : null,
                    sentence, shown, estimated, shown ? c.Warnings : [],
                    show ? e!.Value : null, show ? e!.Interval.Lower : null, show ? e!.Interval.Upper : null)
                {
                    Sensitivity = show && c.EValue is { } ev ? ContrastInterpretation.Sensitivity(ev, focalLabel, comparisonLabel) : null,
                });
                rows.Add(new TableRow([
                    Cells.Text(indicator.Label), context.GroupCell(c.Comparison),
                    Cells.Count(plan, focalKey, c.FocalN), Cells.Count(plan, comparisonKey, c.ComparisonN),
                    binary ? Cells.Percent(c.FocalMean, 1, shown && focalSummary) : Cells.Number(c.FocalMean, meanDecimals, shown && focalSummary),
                    binary ? Cells.Percent(c.ComparisonMean, 1, shown && comparisonSummary) : Cells.Number(c.ComparisonMean, meanDecimals, shown && comparisonSummary),
                    Cells.Number(e?.Value ?? double.NaN, decimals, shown), Cells.Number(e?.Interval.Lower ?? double.NaN, decimals, shown),
                    Cells.Number(e?.Interval.Upper ?? double.NaN, decimals, shown), Cells.PValue(e?.PValue ?? double.NaN, shown),
                    c.Adjusted is { } adjusted ? Cells.PValue(adjusted.Value, shown) : Cells.Missing(CellKind.PValue, 3),
                    Cells.Sentence(sentence)]));
                if (show && double.IsFinite(e!.Interval.Lower) && double.IsFinite(e.Interval.Upper) && (!c.Scale.IsRatio() || e.Interval.Lower > 0))
                    forest.Add(new ForestPlot.Row(indicator.Label, $"vs {comparisonLabel}", e.Value, e.Interval.Lower, e.Interval.Upper, context.Style(c.Comparison)));
            }
            var effectName = scale switch
            {
                EffectScale.OddsRatio => "Rapport des chances",
                EffectScale.RiskRatio => "Rapport des proportions",
                EffectScale.ProbabilityOfSuperiority => "Probabilité de supériorité",
                _ => a.Estimator is Estimator.DifferenceInMeans or Estimator.RiskDifference ? "Écart brut" : adjusts ? "Écart ajusté" : "Écart",
            };
            var columns = ImmutableArray.Create<TableColumn>(
                new("Indicateur", CellKind.Text), Short.Comparison, Short.FocalN, Short.ComparisonN, Short.FocalMean, Short.ComparisonMean,
                new(effectName, CellKind.Number), new("IC bas", CellKind.Number), new("IC haut", CellKind.Number),
                new("p", CellKind.PValue), new("p ajustée", CellKind.PValue), new("Lecture", CellKind.Sentence));
            var confidence = French.Number(a.ConfidenceLevel * 100, 0) + French.Space + "%";
            var table = new ReportTable($"contrastes-{Slug(a.Code)}", $"{a.Code} — {a.Label}", context.Sheet($"Contrastes {a.Code}"),
                $"{effectName} entre le groupe bénéficiaire et chaque groupe de comparaison, intervalle de confiance à {confidence}. Estimateur : {Vocabulary.Estimator(a.Estimator)}.",
                columns, [.. rows], InWorkbook: true);
            Chart? chart = null;
            if (forest.Count > 0)
            {
                var (what, axis) = scale switch
                {
                    EffectScale.OddsRatio => ("rapports des chances", "Rapport des chances (échelle logarithmique)"),
                    EffectScale.RiskRatio => ("rapports des proportions", "Rapport des proportions (échelle logarithmique)"),
                    EffectScale.ProbabilityOfSuperiority => ("probabilités de supériorité", "Probabilité de supériorité du groupe bénéficiaire"),
                    _ => ("écarts", "Écart (groupe bénéficiaire − groupe de comparaison)"),
                };
                var title = $"{a.Code} — {what} estimés et intervalles de confiance".Replace("probabilités de supériorité estimés", "probabilités de supériorité estimées");
                var description = scale switch
                {
                    EffectScale.OddsRatio => $"Rapport des chances de chaque contraste (marqueur) et son intervalle de confiance à {confidence} (trait), sur une échelle logarithmique ; la ligne verticale à 1 correspond à des chances égales.",
                    EffectScale.RiskRatio => $"Rapport des proportions de chaque contraste (marqueur) et son intervalle de confiance à {confidence} (trait), sur une échelle logarithmique ; la ligne verticale à 1 correspond à des proportions égales.",
                    EffectScale.ProbabilityOfSuperiority => $"Probabilité qu’une valeur du groupe bénéficiaire dépasse une valeur du groupe de comparaison (marqueur) et son intervalle de confiance à {confidence} (trait) ; la ligne verticale à 0,5 correspond à l’absence d’écart.",
                    _ => $"Écart entre groupes pour chaque indicateur et chaque groupe de comparaison (marqueur) et son intervalle de confiance à {confidence} (trait) ; la ligne verticale à 0 correspond à l’absence d’écart. Un intervalle qui croise cette ligne signifie que les données ne permettent pas de conclure.",
                };
                var id = $"forest-{Slug(a.Code)}";
                chart = new Chart(id, title, description,
                    ForestPlot.Render(id, title, description, forest, oddsRatio, axis, 2, scale.NullValue()),
                    table);
            }
            // The baseline value of the indicator is an adjustment term too (ANCOVA, logits), and enters the propensity model with "baseline: outcome".
            var terms = spec is null ? [] : (spec.CovariateCodes.IsDefaultOrEmpty ? [] : spec.CovariateCodes.Select(context.CovariateLabel)).ToList();
            if (spec?.BaselineWaveCode is { } baselineWave && (spec.Estimator != Estimator.Weighting || spec.BaselineOutcome) && spec.Estimator.FitsModel()
                && spec.Estimator != Estimator.DifferenceInDifferences)
                terms.Insert(0, $"valeur de l’indicateur à {baselineWave}");
            var covariates = terms.Count == 0 ? "aucune" : string.Join(", ", terms);
            var outcomes = a.Contrasts.Select(c => c.Indicator).Distinct().Count();
            var multiplicityText = outcomes < 2
                ? "un seul indicateur par contraste : aucune correction pour comparaisons multiples n'est nécessaire"
                : multiplicity is null
                    ? "aucune correction des p-valeurs pour comparaisons multiples"
                    : $"p-valeurs ajustées par la correction de {multiplicity} sur les {outcomes} indicateurs de chaque contraste";
            var clusterText = p.Cluster is { } cl ? $"Les participants sont regroupés par {cl.Label.ToLowerInvariant()} : {(a.Method.Contains("CR", StringComparison.Ordinal) ? "les erreurs-types tiennent compte de ce regroupement." : "les erreurs-types de cette analyse ne tiennent pas encore compte de ce regroupement, les intervalles peuvent être trop étroits.")}" : null;
            static string Some(int n, string none, string one, string many) => n == 0 ? none : French.Counted(n, one, many);
            var parts = new List<string>
            {
                $"{Some(favourable, "aucun écart favorable", "écart favorable", "écarts favorables")} au groupe bénéficiaire",
                Some(unfavourable, "aucun écart défavorable", "écart défavorable", "écarts défavorables"),
                $"{Some(inconclusive, "aucune comparaison non concluante", "comparaison non concluante", "comparaisons non concluantes")} " +
                (multiplicity is null || outcomes < 2
                    ? "(intervalle de confiance compatible avec l’absence d’écart)"
                    : $"(intervalle de confiance compatible avec l’absence d’écart, ou écart qui ne se distingue plus des fluctuations d’échantillonnage après la correction de {multiplicity})"),
            };
            if (withheld > 0) parts.Add($"{French.Counted(withheld, "résultat non publié", "résultats non publiés")} (secret statistique)");
            if (failed > 0) parts.Add($"{French.Counted(failed, "comparaison non estimée", "comparaisons non estimées")}");
            var (changes, changeTable) = BuildChanges(context, a, confidence);
            var clearChanges = a.Changes.Count(c => c.Change is { IsEstimable: true } e && (e.Interval.Lower > 0 || e.Interval.Upper < 0) && context.Plan.AllowsEstimateOn(c.N));
            var summary = a.Contrasts.Length == 0 && !changes.IsEmpty
                ? $"{a.Code} — {a.Label} : {French.Counted(changes.Length, "évolution observée", "évolutions observées")}, dont {French.Counted(clearChanges, "nette", "nettes")} (intervalle de confiance qui exclut l'absence d'évolution) ; ce sont des évolutions, pas des effets de l'action."
                : a.Contrasts.Length == 0
                ? $"{a.Code} — {a.Label} : aucune comparaison."
                : $"{a.Code} — {a.Label} : sur {French.Counted(a.Contrasts.Length, "comparaison", "comparaisons")}, {string.Join(", ", parts.Take(parts.Count - 1))} et {parts[^1]}.";
            sections.Add(new AnalysisSection(a.Code, a.Label, Vocabulary.Estimator(a.Estimator), a.Method, context.WaveLabel(a.Wave), confidence,
                multiplicityText, covariates, clusterText, EffectScaleText(a, oddsRatio, adjusts), ScaleExplanation(a, oddsRatio, adjusts, confidence), summary, [.. views], table, chart,
                BuildWeighting(context, a))
            {
                Changes = changes, ChangeTable = changeTable,
            });
        }
        return [.. sections];
    }

    /// <summary>
    /// Whether the analysis compares groups after adjusting on measured characteristics (covariates, the baseline value of
    /// the indicator, or propensity weights built on covariates).
    /// </summary>
    private static bool Adjusts(AnalysisResult a, AnalysisSpec? spec) =>
        Vocabulary.AdjustsForCovariates(a.Estimator) && spec is not null && (!spec.CovariateCodes.IsDefaultOrEmpty || spec.BaselineWaveCode is not null);

    private static string EffectScaleText(AnalysisResult a, bool oddsRatio, bool adjusts) => (oddsRatio, a.Estimator) switch
    {
        (true, Estimator.RiskRatio) => "rapport des proportions",
        (_, Estimator.Wilcoxon or Estimator.BrunnerMunzel) => "probabilité de supériorité (comparaison des rangs)",
        (_, Estimator.RiskDifference) => "écart brut de proportions",
        (true, _) => adjusts ? "rapport des chances ajusté sur les caractéristiques mesurées" : "rapport des chances",
        (_, Estimator.DifferenceInMeans) => "écart brut de moyennes",
        (_, Estimator.DifferenceInDifferences) => "écart entre les évolutions des groupes (doubles différences)",
        (_, Estimator.PairedChange) => a.Contrasts.IsEmpty ? "évolution observée des mêmes participants entre deux temps" : "évolution observée de chaque groupe, et écart entre les évolutions des groupes",
        (_, Estimator.Weighting) => adjusts ? "écart après pondération sur les caractéristiques mesurées" : "écart pondéré",
        _ => adjusts ? "écart ajusté sur les caractéristiques mesurées" : "écart de moyennes",
    };

    private static string ScaleExplanation(AnalysisResult a, bool oddsRatio, bool adjusts, string confidence)
    {
        if (a.Estimator == Estimator.RiskRatio)
            return $"Chaque résultat est un rapport des proportions : la part de réponses « oui » dans le groupe bénéficiaire divisée par celle du groupe de comparaison, sans ajustement. Un rapport de 1 signifie des parts égales ; si l’intervalle de confiance à {confidence} contient 1, les données ne permettent pas de conclure.";
        if (a.Estimator is Estimator.Wilcoxon or Estimator.BrunnerMunzel)
            return $"Chaque résultat est une probabilité de supériorité : la probabilité qu’une famille du groupe bénéficiaire prise au hasard ait une valeur plus élevée qu’une famille du groupe de comparaison (les ex æquo comptant pour moitié), sans ajustement. 0,5 signifie l’absence d’écart ; si l’intervalle de confiance à {confidence} contient 0,5, les données ne permettent pas de conclure.";
        if (oddsRatio)
            return "Chaque résultat est un rapport des chances : il compare, entre le groupe bénéficiaire et le groupe de comparaison, les chances d'atteindre un niveau plus élevé de l'indicateur (d'une réponse « oui » pour un indicateur oui/non)"
                   + (adjusts ? ", à caractéristiques mesurées égales" : "")
                   + $". Un rapport de 1 signifie des chances égales ; au-dessus de 1, les chances sont plus grandes dans le groupe bénéficiaire (1,5 : une fois et demie), en dessous de 1 elles sont plus petites. Le graphique utilise une échelle logarithmique, sur laquelle 0,5 et 2 sont à égale distance de 1 ; si l'intervalle de confiance à {confidence} contient 1, les données ne permettent pas de conclure.";
        return a.Estimator switch
        {
            Estimator.Weighting => "Chaque résultat est l'écart entre les deux groupes dans l'unité de l'indicateur, après pondération des familles de comparaison pour qu'elles ressemblent aux familles bénéficiaires sur les caractéristiques mesurées au départ (pas sur celles qui n'ont pas été mesurées).",
            Estimator.DifferenceInMeans => "Chaque résultat est l'écart brut entre les moyennes des deux groupes, dans l'unité de l'indicateur, sans tenir compte de leurs différences de départ.",
            Estimator.DifferenceInDifferences => "Chaque résultat compare l'évolution de l'indicateur entre la mesure initiale et la mesure analysée dans les deux groupes, dans l'unité de l'indicateur.",
            Estimator.PairedChange => "Chaque évolution est la moyenne des changements des participants observés aux deux temps, dans l'unité de l'indicateur ; elle décrit ce qui a changé, pas ce que l'action a produit"
                                      + (a.Contrasts.IsEmpty ? " : sans groupe de comparaison, aucun effet ne peut être estimé." : ". L'écart entre les évolutions de deux groupes se lit comme des doubles différences, sans ajustement."),
            _ => "Chaque résultat est l'écart entre les deux groupes dans l'unité de l'indicateur"
                 + (adjusts ? ", ajusté sur les caractéristiques mesurées au départ : il tient compte de ces différences de départ, pas de celles qui n'ont pas été mesurées." : "."),
        };
    }
}
