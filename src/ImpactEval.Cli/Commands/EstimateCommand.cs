using System.CommandLine;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Text;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval estimate --protocol ID [--format table|csv|json] [--out FICHIER]</c>: computes (or reuses) the estimates and
/// prints the contrast table, or the tidy results at full precision (<see cref="TidyResults"/>) in CSV or JSON.
/// </summary>
public static class EstimateCommand
{
    /// <summary>The output formats.</summary>
    public enum Output
    {
        /// <summary>The contrast table, rounded for reading.</summary>
        Table,
        /// <summary>The tidy results, CSV.</summary>
        Csv,
        /// <summary>The tidy results, JSON.</summary>
        Json,
    }

    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = CommonOptions.Protocol();
        var format = new Option<string>("--format", "-f")
        {
            Description = "table : tableau arrondi pour la lecture ; csv ou json : résultats complets à pleine précision (colonnes de broom / estimatr).",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "table",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim().ToLowerInvariant();
                if (token is "table" or "csv" or "json") return token;
                result.AddError($"«\u202F{token}\u202F» n’est pas un format d’estimations\u202F: choisissez table, csv ou json.");
                return "table";
            },
        };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Fichier où écrire les résultats csv ou json (par défaut la sortie standard).", HelpName = "FICHIER" };
        var command = new Command("estimate", "Calcule les estimations d’un protocole à partir des données enregistrées.") { protocol, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            var chosen = parse.GetValue(format) switch { "csv" => Output.Csv, "json" => Output.Json, _ => Output.Table };
            // With csv or json on the standard output, the messages go to the error output so that the data stays clean.
            var messages = chosen == Output.Table || parse.GetValue(output) is not null ? AnsiConsole.Console
                : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            messages.Profile.Width = Math.Max(messages.Profile.Width, 160);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            EstimateService.Computation computation;
            try
            {
                computation = await new EstimateService(db).ComputeAsync(parse.GetValue(protocol)!, CliContext.Actor, cancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("Aucun protocole", StringComparison.Ordinal))
            {
                messages.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
            messages.MarkupLine(computation.Reused
                ? "[grey]Données inchangées depuis le dernier calcul : estimations reprises telles quelles.[/]"
                : $"[green]✓[/] Estimations calculées sur {computation.Results.Participants} participants.");
            if (chosen == Output.Table)
            {
                if (computation.Results.Analyses.Any(a => !a.Contrasts.IsEmpty)) AnsiConsole.Write(ContrastTable(computation.Protocol, computation.Results, null));
                if (computation.Results.Analyses.Any(a => !a.Changes.IsEmpty)) AnsiConsole.Write(ChangeTable(computation.Results));
                return ExitCodes.Ok;
            }
            var tidy = TidyResults.From(computation.Results);
            var text = chosen == Output.Csv ? tidy.ToCsv() : tidy.ToJson() + "\n";
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, new System.Text.UTF8Encoding(false), cancellationToken);
                messages.MarkupLine($"[green]✓[/] {tidy.Rows.Length} lignes écrites dans {Markup.Escape(file.FullName)}.");
            }
            else
            {
                await Console.Out.WriteAsync(text);
                await Console.Out.FlushAsync(cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The contrast table printed by estimate and demo; with <paramref name="truth"/>, adds the true effect (synthetic data only).</summary>
    public static Table ContrastTable(Core.Model.Protocol protocol, AnalysisResults results, Func<string, string, string, double?>? truth)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Analyse", "Indicateur", "Comparaison", "n", "Écart estimé [[IC]] (RC : rapport des chances, RR : rapport des risques, PS : probabilité de supériorité)", "p", "p ajustée");
        if (truth is not null) table.AddColumns("Vrai effet", "Dans l'IC");
        foreach (var analysis in results.Analyses)
        foreach (var contrast in analysis.Contrasts)
        {
            var prefix = contrast.Scale switch
            {
                EffectScale.OddsRatio => "RC ",
                EffectScale.RiskRatio => "RR ",
                EffectScale.ProbabilityOfSuperiority => "PS ",
                _ => "",
            };
            var effect = contrast.Effect is { IsEstimable: true } e
                ? $"{prefix}{Format(e.Value)} [{Format(e.Interval.Lower)} ; {Format(e.Interval.Upper)}]"
                : contrast.FailureReason ?? "non estimable";
            // The adjusted p-value only when the analysis adjusts: "—" otherwise, never the raw one under its name.
            var p = contrast.Effect is { IsEstimable: true } raw ? FormatP(raw.PValue) : "";
            var adjusted = contrast.Adjusted is { IsMissing: false } a ? FormatP(a.Value) : "—";
            var row = new List<string>
            {
                analysis.Code, contrast.Indicator, $"{contrast.Focal} vs {contrast.Comparison}", $"{contrast.FocalN} / {contrast.ComparisonN}", effect, p, adjusted,
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

    /// <summary>The observed changes of the paired_change analyses: evolutions of the same participants between two waves, not effects.</summary>
    public static Table ChangeTable(AnalysisResults results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Évolutions observées (pas des effets de l'action)");
        table.AddColumns("Analyse", "Indicateur", "Groupe", "Vagues", "n (aux deux temps)", "Évolution moyenne [[IC]]", "p", "p (rangs signés)");
        foreach (var analysis in results.Analyses)
        foreach (var change in analysis.Changes)
        {
            var effect = change.Change is { IsEstimable: true } e
                ? $"{Format(e.Value)} [{Format(e.Interval.Lower)} ; {Format(e.Interval.Upper)}]"
                : change.FailureReason ?? "non estimable";
            table.AddRow([.. new[]
            {
                analysis.Code, change.Indicator, change.Group, $"{change.BaselineWave} → {change.Wave}", change.N.ToString(FrenchNumber.Culture), effect,
                change.Change is { IsEstimable: true } raw ? FormatP(raw.PValue) : "", change.SignedRank is { } rank ? FormatP(rank.PValue) : "—",
            }.Select(Markup.Escape)]);
        }
        return table;
    }

    private static string Format(double value) => FrenchNumber.Format(value, Math.Abs(value) >= 10 ? 1 : 2);

    private static string FormatP(double p) => p < 0.001 ? "< 0,001" : FrenchNumber.Format(p, 3);
}
