using System.Collections.Immutable;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.National;

/// <summary>
/// A contrast pooled across cités, ready for a national synthesis or the <c>impacteval pool</c> files: a French summary
/// (pooled effect, interval, prediction interval, heterogeneity, cités excluded by statistical secrecy and counted), the
/// table by cité and the forest plot by cité with the pooled effect.
/// </summary>
/// <param name="Title">French title.</param>
/// <param name="Summary">French sentences: what was pooled, how, and what it says.</param>
/// <param name="Table">One row per cité pooled, then the pooled effect and the prediction interval.</param>
/// <param name="ForestPlot">The forest plot by cité (ratios on a logarithmic axis).</param>
public sealed record PoolingSection(string Title, ImmutableArray<string> Summary, ReportTable Table, Chart ForestPlot)
{
    /// <summary>Builds the section of a pooled contrast.</summary>
    /// <param name="pooled">The pooled contrast.</param>
    /// <param name="indicatorLabel">The indicator's label.</param>
    /// <param name="comparisonLabel">The comparison group's label.</param>
    public static PoolingSection Build(PooledContrast pooled, string indicatorLabel, string comparisonLabel)
    {
        var r = pooled.Result;
        var ratio = pooled.Scale.IsRatio();
        const int decimals = 2;
        var confidence = ContrastInterpretation.ConfidenceText(r.Pooled.Interval.Level);
        var method = pooled.Method == PoolingMethod.DerSimonianLaird ? "DerSimonian et Laird" : "maximum de vraisemblance restreint (REML)";
        var what = MeasureName(pooled.Scale);
        var summary = ImmutableArray.Create(
            $"{French.Counted(pooled.Included.Length, "cité regroupée", "cités regroupées")} sur l’analyse {pooled.Analysis}, l’indicateur «{French.Space}{indicatorLabel}{French.Space}» et la comparaison avec le groupe «{French.Space}{comparisonLabel}{French.Space}»" +
            $"{(pooled.BelowThreshold > 0 ? $"{French.Space}; {French.Counted(pooled.BelowThreshold, "cité exclue", "cités exclues")} parce qu’un groupe y est sous le seuil du secret statistique (estimation non publiée)" : "")}" +
            $"{(pooled.NotEstimated > 0 ? $"{French.Space}; {French.Counted(pooled.NotEstimated, "cité sans estimation", "cités sans estimation")}" : "")}.",
            $"Modèle à effets aléatoires ({method}, intervalle de Knapp et Hartung{(ratio ? ", sur l’échelle logarithmique" : "")})" +
            $"{French.Space}: {what} moyen de {French.Number(r.Pooled.Value, decimals)}, intervalle de confiance {confidence} de {French.Number(r.Pooled.Interval.Lower, decimals)} à {French.Number(r.Pooled.Interval.Upper, decimals)}.",
            $"Hétérogénéité entre cités{French.Space}: τ² = {French.Number(r.Tau2, 4)}, I² = {French.Number(r.I2, 1)}{French.Space}%, Q = {French.Number(r.Q, 2)} ({French.Number(r.QDegreesOfFreedom, 0)} degrés de liberté, {French.PValue(r.QPValue)}). " +
            $"Dans une nouvelle cité comparable, le {what} pourrait se situer entre {French.Number(r.PredictionInterval.Lower, decimals)} et {French.Number(r.PredictionInterval.Upper, decimals)} (intervalle de prédiction).");

        var rows = new List<TableRow>();
        var forest = new List<Charts.ForestPlot.Row>();
        for (var i = 0; i < pooled.Included.Length; i++)
        {
            var cite = pooled.Included[i];
            var e = cite.Contrast.Effect!;
            rows.Add(new TableRow([
                Cells.Text(cite.Name), Cells.Text(cite.Territory), new TableCell(French.Count(cite.Contrast.FocalN), cite.Contrast.FocalN, CellKind.Count, 0, false),
                new TableCell(French.Count(cite.Contrast.ComparisonN), cite.Contrast.ComparisonN, CellKind.Count, 0, false),
                Cells.Number(e.Value, decimals), Cells.Number(e.Interval.Lower, decimals), Cells.Number(e.Interval.Upper, decimals),
                Cells.Percent(r.Weights[i] / 100),
            ]));
            forest.Add(new Charts.ForestPlot.Row(cite.Name, $"poids {French.Percent(r.Weights[i] / 100)}", e.Value, e.Interval.Lower, e.Interval.Upper, 0));
        }
        rows.Add(new TableRow([
            Cells.Text("Ensemble des cités (effets aléatoires)"), Cells.Text(""), Cells.Missing(CellKind.Count), Cells.Missing(CellKind.Count),
            Cells.Number(r.Pooled.Value, decimals), Cells.Number(r.Pooled.Interval.Lower, decimals), Cells.Number(r.Pooled.Interval.Upper, decimals), Cells.Percent(1),
        ], IsTotal: true));
        rows.Add(new TableRow([
            Cells.Text("Intervalle de prédiction (nouvelle cité)"), Cells.Text(""), Cells.Missing(CellKind.Count), Cells.Missing(CellKind.Count),
            Cells.Missing(CellKind.Number), Cells.Number(r.PredictionInterval.Lower, decimals), Cells.Number(r.PredictionInterval.Upper, decimals), Cells.Missing(CellKind.Percent),
        ], IsTotal: true));
        forest.Add(new Charts.ForestPlot.Row("Ensemble des cités", "effets aléatoires", r.Pooled.Value, r.Pooled.Interval.Lower, r.Pooled.Interval.Upper, 1));
        forest.Add(new Charts.ForestPlot.Row("Nouvelle cité comparable", "intervalle de prédiction", r.Pooled.Value, r.PredictionInterval.Lower, r.PredictionInterval.Upper, 2));

        var title = $"{pooled.Analysis} — {indicatorLabel} : regroupement des cités (comparaison avec «{French.Space}{comparisonLabel}{French.Space}»)";
        var effectName = char.ToUpperInvariant(what[0]) + what[1..];
        var key = $"{pooled.Analysis}-{pooled.Indicator}-{pooled.Comparison}".ToLowerInvariant();
        var table = new ReportTable($"regroupement-{key}", title, "Regroupement des cités",
            $"Estimations publiées de chaque cité (intervalle de confiance {confidence}) et leur poids dans le modèle à effets aléatoires. {summary[0]}",
            [
                new("Cité", CellKind.Text), new("Code", CellKind.Text), new("n bénéficiaires", CellKind.Count), new("n comparaison", CellKind.Count),
                new(effectName, CellKind.Number), new("IC bas", CellKind.Number), new("IC haut", CellKind.Number), new("Poids", CellKind.Percent),
            ],
            [.. rows], InWorkbook: true);
        var description = $"{effectName} de chaque cité (marqueur) et son intervalle de confiance {confidence} (trait){(ratio ? ", sur une échelle logarithmique" : "")}, puis l’effet moyen des cités et l’intervalle de prédiction pour une nouvelle cité ; la ligne verticale marque l’absence d’écart.";
        var id = $"forest-regroupement-{key}";
        var svg = Charts.ForestPlot.Render(id, title, description, forest, ratio, effectName + (ratio ? " (échelle logarithmique)" : " (groupe bénéficiaire − groupe de comparaison)"), decimals, pooled.Scale.NullValue());
        return new PoolingSection(title, summary, table, new Chart(id, title, description, svg, table));
    }

    /// <summary>What a pooled effect on this scale is called ("écart", "rapport des chances"…).</summary>
    internal static string MeasureName(EffectScale scale) => scale switch
    {
        EffectScale.OddsRatio => "rapport des chances",
        EffectScale.RiskRatio => "rapport des proportions",
        EffectScale.ProbabilityOfSuperiority => "probabilité de supériorité",
        _ => "écart",
    };
}
