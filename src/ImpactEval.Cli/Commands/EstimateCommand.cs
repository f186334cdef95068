using System.CommandLine;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Text;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary><c>impacteval estimate --protocol ID</c>: computes (or reuses) the estimates and prints the contrast table.</summary>
public static class EstimateCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = CommonOptions.Protocol();
        var command = new Command("estimate", "Calcule les estimations d'un protocole à partir des données enregistrées.") { protocol };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            EstimateService.Computation computation;
            try
            {
                computation = await new EstimateService(db).ComputeAsync(parse.GetValue(protocol)!, CliContext.Actor, cancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("Aucun protocole", StringComparison.Ordinal))
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine(computation.Reused
                ? "[grey]Données inchangées depuis le dernier calcul : estimations reprises telles quelles.[/]"
                : $"[green]✓[/] Estimations calculées sur {computation.Results.Participants} participants.");
            AnsiConsole.Write(ContrastTable(computation.Protocol, computation.Results, null));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The contrast table printed by estimate and demo; with <paramref name="truth"/>, adds the true effect (synthetic data only).</summary>
    public static Table ContrastTable(Core.Model.Protocol protocol, AnalysisResults results, Func<string, string, string, double?>? truth)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Analyse", "Indicateur", "Comparaison", "n", "Écart estimé [[IC]] (RC : rapport des chances)", "p (ajustée)");
        if (truth is not null) table.AddColumns("Vrai effet", "Dans l'IC");
        foreach (var analysis in results.Analyses)
        foreach (var contrast in analysis.Contrasts)
        {
            var effect = contrast.Effect is { IsEstimable: true } e
                ? $"{(contrast.Scale == EffectScale.OddsRatio ? "RC " : "")}{Format(e.Value)} [{Format(e.Interval.Lower)} ; {Format(e.Interval.Upper)}]"
                : contrast.FailureReason ?? "non estimable";
            var p = contrast.Adjusted is { IsMissing: false } a ? FormatP(a.Value) : contrast.Effect is { } raw ? FormatP(raw.PValue) : "";
            var row = new List<string>
            {
                analysis.Code, contrast.Indicator, $"{contrast.Focal} vs {contrast.Comparison}", $"{contrast.FocalN} / {contrast.ComparisonN}", effect, p,
            };
            if (truth is not null)
            {
                var value = contrast.Scale == EffectScale.Difference ? truth(contrast.Indicator, analysis.Wave, contrast.Comparison) : null;
                row.Add(value is { } t ? Format(t) : "—");
                row.Add(value is { } v && contrast.Effect is { IsEstimable: true } est ? (est.Interval.Contains(v) ? "oui" : "NON") : "—");
            }
            table.AddRow([.. row.Select(Markup.Escape)]);
        }
        return table;
    }

    private static string Format(double value) => FrenchNumber.Format(value, Math.Abs(value) >= 10 ? 1 : 2);

    private static string FormatP(double p) => p < 0.001 ? "< 0,001" : FrenchNumber.Format(p, 3);
}
