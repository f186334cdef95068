using System.CommandLine;
using ImpactEval.Reporting.Dataset;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval dataset export --protocol ID [--format csv|xlsx|parquet] [--out DIR]</c>: writes the analysis dataset
/// (one row per enrolment), its codebook, the estimates at full precision and, in CSV, <c>reproduire.R</c>; audited.
/// </summary>
public static class DatasetCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = CommonOptions.Protocol();
        var format = new Option<string>("--format", "-f")
        {
            Description = "csv (avec reproduire.R, pour R et pandas), xlsx (classeur : données et dictionnaire) ou parquet (arrow, pandas).",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "csv",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim().ToLowerInvariant();
                if (token is "csv" or "xlsx" or "parquet") return token;
                result.AddError($"«\u202F{token}\u202F» n’est pas un format de jeu de données\u202F: choisissez csv, xlsx ou parquet.");
                return "csv";
            },
        };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Dossier de sortie (par défaut out/ID_DU_PROTOCOLE/donnees).", HelpName = "DOSSIER" };
        var export = new Command("export", "Exporte le jeu de données d’analyse d’un protocole (une ligne par inscription, pseudonymisée), son dictionnaire des variables, les estimations à pleine précision et le script reproduire.R ; l’export est tracé dans le journal d’audit.")
        {
            protocol, format, output,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(protocol)!;
            var chosen = parse.GetValue(format) switch { "xlsx" => DatasetFormat.Xlsx, "parquet" => DatasetFormat.Parquet, _ => DatasetFormat.Csv };
            var directory = (parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("out", id, "donnees"))).FullName;
            await using var db = await CliContext.From(parse).OpenStoreAsync(cancellationToken);
            DatasetExportService.Outcome outcome;
            try
            {
                outcome = await new DatasetExportService(db).ExportAsync(new DatasetExport(id, chosen, directory), CliContext.Actor, cancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("Aucun protocole", StringComparison.Ordinal))
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine($"[green]✓[/] Jeu de données exporté : {outcome.Frame.Count} inscriptions, {outcome.Frame.Codebook.Length} variables.");
            foreach (var file in outcome.Files) AnsiConsole.MarkupLine($"  {Markup.Escape(file)}");
            if (chosen == DatasetFormat.Csv)
                AnsiConsole.MarkupLine($"[grey]Pour recalculer chaque estimation avec R : Rscript {Markup.Escape(Path.Combine(directory, ReproductionScript.FileName))} {Markup.Escape(directory)}[/]");
            AnsiConsole.MarkupLine("[grey]Données pseudonymisées individuelles : export enregistré dans le journal d’audit.[/]");
            return ExitCodes.Ok;
        });
        return new Command("dataset", "Jeu de données d’analyse d’un protocole (export pour R, pandas ou un tableur).") { export };
    }
}
