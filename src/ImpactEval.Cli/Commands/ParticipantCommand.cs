using System.CommandLine;
using ImpactEval.Collection.Rights;
using ImpactEval.Core.Files;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval participant export --territory T --id X [--out FILE]</c> (access right) and
/// <c>impacteval participant erase --territory T --id X --reason R --yes</c> (erasure).
/// </summary>
public static class ParticipantCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("participant", "Droits des personnes : exporter ou effacer tout ce qui concerne un participant.");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Erase());
        return command;
    }

    private static Option<string> Territory() => new("--territory", "-t") { Description = "Code de la cité (par exemple CE-999-01).", Required = true };

    private static Command Export()
    {
        var territory = Territory();
        var id = CollectionOptions.Identifier();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Fichier JSON à écrire (par défaut : affiché)." };
        var command = new Command("export", "Exporte en JSON tout ce qui est détenu sur un participant (droit d'accès) ; l'export est journalisé.") { territory, id, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var export = await new ParticipantRights(db, context.Pseudonymiser()).ExportAsync(parse.GetValue(territory)!, parse.GetValue(id)!, CliContext.Actor, cancellationToken);
            if (export is null)
            {
                AnsiConsole.MarkupLine("[red]✗[/] Aucun participant de ce territoire ne correspond à cet identifiant (vérifiez l’identifiant).");
                return ExitCodes.InvalidInput;
            }
            if (parse.GetValue(output) is { } file)
            {
                // Personal data: readable by its owner only, and replaced atomically (never left half-written).
                await AtomicFiles.WriteAsync(file.FullName, (s, ct) => s.WriteAsync(System.Text.Encoding.UTF8.GetBytes(export.Json), ct).AsTask(),
                    AtomicFiles.OwnerOnly, cancellationToken);
                AnsiConsole.MarkupLine($"[green]✓[/] {export.Enrolments} inscription(s) et {export.Observations} observation(s) exportées dans {Markup.Escape(file.FullName)}.");
            }
            else Console.WriteLine(export.Json);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Erase()
    {
        var territory = Territory();
        var id = CollectionOptions.Identifier();
        var reason = CollectionOptions.Reason(required: true);
        var yes = new Option<bool>("--yes") { Description = "Confirme l'effacement définitif." };
        var command = new Command("erase", "Efface définitivement un participant et toutes ses données (droit à l'effacement) ; l'effacement est journalisé.") { territory, id, reason, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(yes))
            {
                AnsiConsole.MarkupLine("[yellow]![/] L'effacement est définitif : relancez avec --yes pour confirmer.");
                return ExitCodes.InvalidInput;
            }
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var outcome = await new ParticipantRights(db, context.Pseudonymiser()).EraseAsync(parse.GetValue(territory)!, parse.GetValue(id)!, parse.GetValue(reason)!,
                CliContext.Actor, cancellationToken);
            AnsiConsole.MarkupLine(outcome.Done ? $"[green]✓[/] {Markup.Escape(outcome.Message)}" : $"[red]✗[/] {Markup.Escape(outcome.Message)}");
            return outcome.Done ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }
}
