using System.CommandLine;
using ImpactEval.Collection.Observations;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary><c>impacteval observation correct --protocol ID --id X --wave W --indicator I --value V --reason R [--collected JJ/MM/AAAA]</c>.</summary>
public static class ObservationCommand
{
    /// <summary>The command and its subcommand.</summary>
    public static Command GetCommand()
    {
        var command = new Command("observation", "Corriger une valeur recueillie (l'ancienne valeur reste dans l'historique).");
        var protocol = CommonOptions.Protocol();
        var id = CollectionOptions.Identifier();
        var wave = new Option<string>("--wave", "-w") { Description = "Vague (code ou libellé).", Required = true };
        var indicator = new Option<string>("--indicator", "-i") { Description = "Indicateur (code ou libellé).", Required = true };
        var value = new Option<string>("--value") { Description = "Nouvelle valeur, telle qu'on la saisit (3, « Très impliqué », 92,5, oui).", Required = true };
        var collected = CollectionOptions.Date("--collected", "Date de recueil");
        var reason = CollectionOptions.Reason(required: true);
        var correct = new Command("correct", "Corrige (ou ajoute) la valeur d'un indicateur pour un participant à une vague.") { protocol, id, wave, indicator, value, collected, reason };
        correct.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var outcome = await new ObservationService(db, context.Pseudonymiser()).CorrectAsync(parse.GetValue(protocol)!, parse.GetValue(id)!, parse.GetValue(wave)!,
                parse.GetValue(indicator)!, parse.GetValue(value)!, parse.GetValue(collected), parse.GetValue(reason)!, CliContext.Actor, cancellationToken);
            AnsiConsole.MarkupLine(outcome.Done ? $"[green]✓[/] {Markup.Escape(outcome.Message)}" : $"[red]✗[/] {Markup.Escape(outcome.Message)}");
            return outcome.Done ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        command.Subcommands.Add(correct);
        return command;
    }
}
