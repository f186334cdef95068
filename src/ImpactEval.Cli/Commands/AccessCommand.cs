using System.CommandLine;
using System.Globalization;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval access grant --name N --role R [--territory CODE ...]</c> (prints the key once),
/// <c>impacteval access list</c> and <c>impacteval access revoke NAME</c>: the API accounts of the service. Every
/// grant and revocation is audited.
/// </summary>
public static class AccessCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("access", "Clés d'accès à l'API du service : créer, lister, révoquer (rôles : " +
                                            string.Join(", ", AccessRoles.All.Select(r => $"{AccessRoles.Name(r)} = {AccessRoles.Description(r)}")) + ").");
        command.Subcommands.Add(Grant());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Grant()
    {
        var name = new Option<string>("--name", "-n") { Description = "Nom du compte (par exemple caf-93 ou cpo-valbrune) ; c'est lui qui apparaît dans le journal d'audit.", Required = true };
        var role = new Option<AccessRole>("--role", "-r")
        {
            Description = "Rôle : " + string.Join(" ; ", AccessRoles.All.Select(r => $"{AccessRoles.Name(r)} ({AccessRoles.Description(r)})")) + ".",
            Required = true,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (AccessRoles.TryParse(token, out var parsed)) return parsed;
                result.AddError($"Rôle inconnu « {token} » : choisissez parmi {string.Join(", ", AccessRoles.All.Select(AccessRoles.Name))}.");
                return default;
            },
        };
        role.CompletionSources.Clear(); // the French names, not the enum's
        role.CompletionSources.Add(AccessRoles.All.Select(AccessRoles.Name).ToArray());
        var territories = new Option<string[]>("--territory", "-t")
        {
            Description = "Code d'une cité que le compte peut voir (répétable ; obligatoire pour equipe-cite et partenaire, interdit pour administrateur et national).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("grant", "Crée un compte d'API et affiche sa clé, une seule fois (seule son empreinte est conservée).") { name, role, territories };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var granted = parse.GetValue(role);
            var outcome = await new AccountRegistry(db).GrantAsync(parse.GetValue(name)!, granted, parse.GetValue(territories) ?? [], CliContext.Actor, cancellationToken);
            if (!outcome.Granted)
            {
                foreach (var problem in outcome.Problems) AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(problem)}");
                return ExitCodes.InvalidInput;
            }
            var scope = parse.GetValue(territories) is { Length: > 0 } codes ? string.Join(", ", codes.Distinct()) : "tous les territoires";
            AnsiConsole.MarkupLine($"[green]✓[/] Compte « {Markup.Escape(parse.GetValue(name)!.Trim())} » créé : {AccessRoles.Name(granted)} ({Markup.Escape(scope)}). " +
                                   "Sa clé, affichée cette seule fois :");
            Console.WriteLine(outcome.Key!.Text);
            AnsiConsole.MarkupLine("[grey]Transmettez-la par un canal sûr. Elle s'envoie dans l'en-tête « Authorization: Bearer <clé> ». " +
                                   "ImpactEval n'en garde que l'empreinte : perdue, elle se remplace (access revoke, puis access grant).[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Liste les comptes d'API (actifs d'abord), sans leurs clés.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var accounts = await new AccountRegistry(db).ListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                AnsiConsole.MarkupLine("[grey]Aucun compte d'API. Le premier démarrage du service en crée un (administrateur-local) ; sinon : impacteval access grant.[/]");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Compte", "Rôle", "Territoires", "Clé", "Créé le", "Par", "État");
            foreach (var account in accounts)
                table.AddRow(
                    Markup.Escape(account.Name), Markup.Escape(AccessRoles.Name(account.Role)),
                    Markup.Escape(account.Territories.IsEmpty ? "tous" : string.Join(", ", account.Territories)),
                    Markup.Escape(account.KeyId + ".…"), Markup.Escape(Local(account.CreatedAt)), Markup.Escape(account.CreatedBy),
                    account.RevokedAt is { } revoked ? Markup.Escape($"révoqué le {Local(revoked)} par {account.RevokedBy}") : "[green]actif[/]");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("nom") { Description = "Le compte dont la clé est révoquée (refusée dès sa prochaine requête)." };
        var command = new Command("revoke", "Révoque la clé d'un compte d'API, immédiatement ; le compte reste dans la liste.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var (found, message) = await new AccountRegistry(db).RevokeAsync(parse.GetValue(name)!, CliContext.Actor, cancellationToken);
            AnsiConsole.MarkupLine(found ? $"[green]✓[/] {Markup.Escape(message)}" : $"[red]✗[/] {Markup.Escape(message)}");
            return found ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
