using System.CommandLine;
using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Text;
using ImpactEval.Statistics;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval power FILE.yaml</c>: sizes a protocol before any data exists — the minimum detectable effect of each
/// contrast with the planned group sizes and the design assumptions (ICC, covariate R², power, risk), which the
/// options may override; with <c>--effect</c>, the power to detect that effect.
/// </summary>
public static class PowerCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier de protocole YAML (effectifs prévus : planned_size ; hypothèses : design)." };
        var icc = CommonOptions.Number("--icc", "Corrélation intra-classe (remplace design.icc).");
        var r2 = CommonOptions.Number("--r2", "Part de variance expliquée par les covariables (remplace design.covariate_r2).");
        var power = CommonOptions.Number("--power", "Puissance visée (remplace design.power).");
        var effect = CommonOptions.Number("--effect", "Effet standardisé (d de Cohen) dont on veut la puissance.");
        var command = new Command("power", "Effet minimal détectable et puissance d'un protocole, avant la collecte.") { file, icc, r2, power, effect };
        command.SetAction(parse =>
        {
            var loaded = ProtocolLoader.LoadFile(parse.GetValue(file)!.ToString());
            if (loaded.Protocol is not { } protocol)
            {
                foreach (var problem in loaded.Errors) AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem.ToString())}[/]");
                return ExitCodes.InvalidInput;
            }
            var design = protocol.Design with
            {
                Icc = parse.GetValue(icc) ?? protocol.Design.Icc,
                CovariateRSquared = parse.GetValue(r2) ?? protocol.Design.CovariateRSquared,
                Power = parse.GetValue(power) ?? protocol.Design.Power,
            };
            protocol = protocol with { Design = design };
            var planned = DesignSensitivity.Planned(protocol);
            if (planned.IsEmpty)
            {
                AnsiConsole.MarkupLine(protocol.Groups.Any(g => g.Role == Core.Model.GroupRole.Comparison)
                    ? "[red]✗[/] Aucun effectif prévu pour le groupe focal et un groupe de comparaison : ajoutez « planned_size: » à ces groupes du protocole."
                    : "[red]✗[/] Aucun groupe de comparaison : il n'y a pas d'écart entre groupes à dimensionner.");
                VerdictOutput.Print(protocol, parse.GetValue(file)!.ToString());
                return ExitCodes.InvalidInput;
            }
            try
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Comparaison", "Effectifs", "Écoles", "Effet minimal détectable (écart-type)");
                if (parse.GetValue(effect) is not null) table.AddColumn("Puissance pour l'effet donné");
                foreach (var row in planned)
                {
                    var cells = new List<string> { $"{row.Focal} vs {row.Comparison}", $"{row.FocalN} / {row.ComparisonN}", row.Clusters == 0 ? "—" : row.Clusters.ToString(FrenchNumber.Culture), FrenchNumber.Format(row.StandardisedEffect, 2) };
                    if (parse.GetValue(effect) is { } d) cells.Add(FrenchNumber.Format(100 * PowerFor(d, row), 1) + " %");
                    table.AddRow([.. cells.Select(Markup.Escape)]);
                }
                AnsiConsole.Write(table);
                var assumptions = design.Icc is { } i
                    ? $"corrélation intra-classe {FrenchNumber.Format(i, 2)}, effets fixes par école"
                    : "regroupement par école ignoré (ICC inconnue : l'effet minimal est sous-estimé si les écoles diffèrent)";
                var largest = planned.MaxBy(p => p.StandardisedEffect)!;
                AnsiConsole.MarkupLine(Markup.Escape($"Lecture : pour la comparaison {largest.Focal} vs {largest.Comparison}, un écart réel d'au moins {FrenchNumber.Format(largest.StandardisedEffect, 2)} écart-type "
                    + $"serait détecté {FrenchNumber.Format(100 * design.Power, 0)} fois sur 100 ; un écart plus petit passerait plus souvent inaperçu (un effet de 0,2 écart-type est dit « petit », 0,5 « moyen »)."));
                AnsiConsole.MarkupLine(Markup.Escape($"Hypothèses : puissance {FrenchNumber.Format(100 * design.Power, 0)} %, risque {FrenchNumber.Format(100 * design.Alpha, 0)} % (bilatéral), R² des covariables {FrenchNumber.Format(design.CovariateRSquared, 2)}, {assumptions}."));
                VerdictOutput.Print(protocol, parse.GetValue(file)!.ToString());
                return ExitCodes.Ok;
            }
            catch (StatisticsException e)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static double PowerFor(double effect, Analysis.Results.DetectableEffect row) =>
        row.Icc is { } icc && row.Clusters >= 3
            ? BlockedIndividualPower.Power(effect, row.Clusters, (row.FocalN + row.ComparisonN) / (double)row.Clusters,
                new BlockedAssumptions(icc, row.FocalN / (double)(row.FocalN + row.ComparisonN), row.CovariateRSquared), row.Alpha).AchievedPower
            : TwoGroupPower.Power(effect, row.FocalN, row.ComparisonN, row.Alpha, row.CovariateRSquared).AchievedPower;
}
