using System.CommandLine;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval workbook --protocol ID --wave W --out FILE.xlsx [--roster FILE]</c>: generates the collection
/// workbook of a wave. ImpactEval keeps only pseudonyms, so the roster of identifiers to print comes from a file
/// the cité holds (e.g. its enrolment file: its "identifiant" column is used); without it the sheet is empty.
/// </summary>
public static class WorkbookCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = CommonOptions.Protocol();
        var wave = new Option<string>("--wave", "-w") { Description = "Code de la vague.", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Classeur .xlsx à écrire.", Required = true };
        var roster = new Option<FileInfo?>("--roster") { Description = "Fichier (CSV ou XLSX) dont la colonne « identifiant » donne la liste des participants attendus." };
        var command = new Command("workbook", "Génère le classeur de collecte d'une vague (listes déroulantes, contrôles de saisie, consignes).") { protocol, wave, output, roster };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var current = await new ProtocolRegistry(db).LoadCurrentAsync(parse.GetValue(protocol)!, cancellationToken);
            if (current is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Aucun protocole « {Markup.Escape(parse.GetValue(protocol)!)} » n'est enregistré.");
                return ExitCodes.InvalidInput;
            }
            IReadOnlyList<string> identifiers = [];
            if (parse.GetValue(roster) is { } rosterFile)
            {
                var problems = new List<ImportProblem>();
                identifiers = RosterFile.ReadIdentifiers(rosterFile.FullName, problems);
                if (problems.Count > 0)
                {
                    foreach (var problem in problems) AnsiConsole.MarkupLine($"[red]-[/] {Markup.Escape(problem.ToString())}");
                    return ExitCodes.InvalidInput;
                }
            }
            var path = parse.GetValue(output)!.FullName;
            try
            {
                CollectionWorkbook.WriteFile(current.Value.Protocol, parse.GetValue(wave)!, identifiers, path);
            }
            catch (ArgumentException e)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(ErrorText.Of(e))}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine($"[green]✓[/] Classeur écrit : {Markup.Escape(path)} ({identifiers.Count} participants attendus).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
