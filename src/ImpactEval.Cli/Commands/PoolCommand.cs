using System.CommandLine;
using System.Text;
using ImpactEval.Analysis.National;
using ImpactEval.Reporting.Csv;
using ImpactEval.Reporting.National;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval pool --analysis A2 --indicator CODE --comparison GROUPE [--method reml|dl] [--protocols P1,P2] [--threshold 5] [--out DIR]</c>:
/// pools one contrast across the cités whose protocols share it, from their published estimates (cités below the
/// secrecy threshold excluded and counted), with random effects; prints the summary and the table, writes the forest plot
/// by cité (SVG) and the table (CSV).
/// </summary>
public static class PoolCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var analysis = new Option<string>("--analysis") { Description = "Code de l’analyse commune aux protocoles (par exemple A2).", HelpName = "CODE", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "Code de l’indicateur.", HelpName = "CODE", Required = true };
        var comparison = new Option<string>("--comparison") { Description = "Code du groupe de comparaison (face au groupe bénéficiaire de chaque protocole).", HelpName = "GROUPE", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "Estimateur de la variance entre cités : reml (maximum de vraisemblance restreint) ou dl (DerSimonian et Laird) ; intervalle de Knapp et Hartung.",
            HelpName = "METHODE",
            DefaultValueFactory = _ => "reml",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim().ToLowerInvariant();
                if (token is "reml" or "dl") return token;
                result.AddError($"«\u202F{token}\u202F» n’est pas un estimateur de regroupement\u202F: choisissez reml ou dl.");
                return "reml";
            },
        };
        var protocols = new Option<string?>("--protocols") { Description = "Protocoles à regrouper, séparés par des virgules (par défaut tous ceux qui ont cette analyse).", HelpName = "IDS" };
        var threshold = CommonOptions.Threshold();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Dossier de sortie (par défaut out/regroupement).", HelpName = "DOSSIER" };
        var command = new Command("pool", "Regroupe une comparaison entre cités (méta-analyse à effets aléatoires des estimations publiées) et produit le graphique en forêt par cité.")
        {
            analysis, indicator, comparison, method, protocols, threshold, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = await CliContext.From(parse).OpenStoreAsync(cancellationToken);
            var list = (parse.GetValue(protocols) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var outcome = await new PoolingService(db).PoolAsync(parse.GetValue(analysis)!, parse.GetValue(indicator)!, parse.GetValue(comparison)!, list,
                parse.GetValue(threshold), parse.GetValue(method) == "dl" ? PoolingMethod.DerSimonianLaird : PoolingMethod.RestrictedMaximumLikelihood, cancellationToken);
            if (outcome.Incompatible > 0) AnsiConsole.MarkupLine($"[yellow]![/] {outcome.Incompatible} protocole(s) écarté(s) : l’indicateur n’y a pas la même échelle.");
            if (outcome.WithoutResults > 0) AnsiConsole.MarkupLine($"[yellow]![/] {outcome.WithoutResults} protocole(s) sans estimations enregistrées (lancez « impacteval estimate »).");
            if (outcome.Pooled is not { } pooled)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(outcome.Message)}");
                return ExitCodes.InvalidInput;
            }
            var first = pooled.Included[0];
            var protocol = (await new Data.ProtocolRegistry(db).LoadCurrentAsync(first.Protocol, cancellationToken))!.Value.Protocol;
            var section = PoolingSection.Build(pooled, protocol.FindIndicator(pooled.Indicator)?.Label ?? pooled.Indicator,
                protocol.FindGroup(pooled.Comparison)?.Label ?? pooled.Comparison);
            foreach (var line in section.Summary) AnsiConsole.MarkupLine(Markup.Escape(line));
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns([.. section.Table.Columns.Select(c => Markup.Escape(c.Header))]);
            foreach (var row in section.Table.Rows) table.AddRow([.. row.Cells.Select(c => Markup.Escape(c.Text))]);
            AnsiConsole.Write(table);
            var directory = (parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("out", "regroupement"))).FullName;
            Directory.CreateDirectory(directory);
            var svg = Path.Combine(directory, "regroupement.svg");
            var csv = Path.Combine(directory, "regroupement.csv");
            await File.WriteAllTextAsync(svg, section.ForestPlot.Svg, new UTF8Encoding(false), cancellationToken);
            await File.WriteAllTextAsync(csv, TableCsvWriter.Write(section.Table), new UTF8Encoding(true), cancellationToken);
            AnsiConsole.MarkupLine($"[green]✓[/] Graphique en forêt par cité : {Markup.Escape(svg)}");
            AnsiConsole.MarkupLine($"[green]✓[/] Tableau : {Markup.Escape(csv)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
