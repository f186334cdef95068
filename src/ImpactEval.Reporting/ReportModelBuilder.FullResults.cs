using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    /// <summary>The workbook sheet of the full results.</summary>
    public const string FullResultsSheet = "Résultats complets";

    /// <summary>
    /// The header of the column that holds the engine's technical method label: English, in R's vocabulary (the one place
    /// of the published artefacts that is not French, on purpose: it names what reproduces the number).
    /// </summary>
    public const string TechnicalMethodHeader = "Méthode (libellé technique, en anglais)";

    /// <summary>
    /// The "Résultats complets" table: every row of the tidy results (<see cref="TidyResults"/>: effect of each contrast,
    /// thresholds of ordered logits) with its standard error, statistic, degrees of freedom, p-values, interval, method,
    /// variance, n and clusters, numbers kept at full precision (the workbook displays them rounded). Under the same
    /// disclosure control as the contrast tables: a withheld contrast is "s" throughout, and the number of observations of a
    /// fit (with residual degrees of freedom, which give it back) is shown only when it is the sum of the published group
    /// counts, so that it never tells how many families a model left out.
    /// </summary>
    private static ReportTable BuildFullResults(BuildContext context, ImmutableArray<AnalysisSection> sections)
    {
        var plan = context.Plan;
        var rows = new List<TableRow>();
        foreach (var a in context.Results.Analyses)
        {
            var section = sections.FirstOrDefault(s => s.Code == a.Code);
            // Per outcome: whether every contrast is shown, and the published sum of the groups' counts.
            var byOutcome = a.Contrasts.GroupBy(c => c.Indicator).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var row in TidyResults.From(context.Results with { Analyses = [a] }).Rows)
            {
                var contrasts = byOutcome.GetValueOrDefault(row.Outcome) ?? [];
                var contrast = contrasts.FirstOrDefault(c => $"{c.Focal} vs {c.Comparison}" == row.Contrast);
                var shown = contrast is not null
                    ? plan.AllowsEstimateOn(contrast.FocalN) && plan.AllowsEstimateOn(contrast.ComparisonN)
                    : contrasts.Count > 0 && contrasts.All(c => plan.AllowsEstimateOn(c.FocalN) && plan.AllowsEstimateOn(c.ComparisonN));
                var countsShown = shown && CountShown(context, a, contrast is null ? contrasts : [contrast], row.N, a.Model == Core.Model.AnalysisModel.Joint ? contrasts : null);
                var residualDf = row.Variance is "HC2" or "HC1" or "HC0" or "classique";
                var ratio = contrast?.Scale.IsRatio() ?? false;
                rows.Add(new TableRow([
                    Cells.Text(a.Code), Cells.Text(context.Protocol.FindIndicator(row.Outcome)?.Label ?? row.Outcome),
                    row.Contrast.Length == 0 ? Cells.Text("(modèle)") : context.GroupCell(contrast?.Comparison ?? ""),
                    Cells.Text(row.Term),
                    Cells.Number(row.Estimate, ratio ? 3 : 4, shown), Cells.Number(row.StdError, 4, shown), Cells.Number(row.Statistic, 3, shown),
                    Cells.Number(row.Df, 2, shown && (countsShown || !residualDf)),
                    Cells.PValue(row.PValue, shown), row.PAdjusted is { } p ? Cells.PValue(p, shown) : Cells.Missing(CellKind.PValue, 3),
                    Cells.Number(row.ConfLow, ratio ? 3 : 4, shown), Cells.Number(row.ConfHigh, ratio ? 3 : 4, shown),
                    Cells.Text(shown ? row.Method : French.Suppressed), Cells.Text(row.Variance),
                    row.N > 0 && countsShown ? new TableCell(French.Count(row.N), row.N, CellKind.Count, 0, false) : shown && row.N > 0 ? Cells.Hidden(CellKind.Count) : Cells.Missing(CellKind.Count),
                    row.Clusters is { } g ? new TableCell(French.Count(g), g, CellKind.Count, 0, false) : Cells.Missing(CellKind.Count),
                ]));
            }
        }
        ImmutableArray<TableColumn> columns =
        [
            new("Analyse", CellKind.Text), new("Indicateur", CellKind.Text), new("Comparaison", CellKind.Text), new("Terme", CellKind.Text),
            new("Estimation", CellKind.Number), new("Erreur-type", CellKind.Number), new("Statistique", CellKind.Number), new("Degrés de liberté", CellKind.Number),
            new("p", CellKind.PValue), new("p ajustée", CellKind.PValue), new("IC bas", CellKind.Number), new("IC haut", CellKind.Number),
            new(TechnicalMethodHeader, CellKind.Text), new("Variance", CellKind.Text), new("n (modèle)", CellKind.Count), new("Grappes", CellKind.Count),
        ];
        return new ReportTable("resultats-complets", "Résultats complets des analyses", context.Sheet(FullResultsSheet),
            "Une ligne par estimation (écart ou rapport de chaque comparaison, seuils des logits ordonnés), avec les colonnes de broom et estimatr : " +
            "les nombres sont conservés à pleine précision dans le classeur et affichés arrondis. Pour un rapport des chances, l’erreur-type est celle du rapport " +
            "(méthode delta) et la statistique celle du logarithme ; « (modèle) » : seuil commun aux comparaisons d’un modèle joint. " +
            "Le nombre d’observations d’un modèle n’est publié que s’il est la somme des effectifs publiés des groupes (secret statistique). " +
            "La colonne « méthode » reprend le libellé technique du moteur, en anglais comme dans les sorties de R (estimatr, MASS), pour retrouver la fonction qui reproduit chaque nombre.",
            columns, [.. rows], InWorkbook: true);
    }

    /// <summary>Whether a fit's n is the sum of the published counts of its groups (then publishing it tells nothing more).</summary>
    private static bool CountShown(BuildContext context, AnalysisResult a, IReadOnlyList<ContrastEstimate> contrasts, int n, IReadOnlyList<ContrastEstimate>? joint)
    {
        if (contrasts.Count == 0 || n <= 0) return false;
        var fitContrasts = joint ?? contrasts;
        var sum = 0;
        var focalDone = false;
        foreach (var c in fitContrasts)
        {
            if (context.Plan.IsHidden(RegisteredContrastKey(context, a, c, focal: false))) return false;
            sum += c.ComparisonN;
            if (focalDone) continue;
            if (context.Plan.IsHidden(RegisteredContrastKey(context, a, c, focal: true))) return false;
            sum += c.FocalN;
            focalDone = true;
        }
        return sum == n;
    }
}
