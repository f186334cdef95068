using System.CommandLine;
using System.Globalization;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.Web;
using ImpactEval.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval user add|list|disable|grant|reset</c>: the people who sign in to the web application (the first
/// administrator is created here). Passwords are read from the terminal without echo, or from the first line of the
/// standard input when it is redirected; only their PBKDF2 hash is stored. Every change is audited.
/// </summary>
public static class UserCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("user", "Utilisateurs de l’application web : créer (le premier administrateur aussi), lister, changer le rôle, désactiver, " +
                                          "remettre un lien de réinitialisation du mot de passe (rôles : " +
                                          string.Join(", ", AccessRoles.All.Select(AccessRoles.Name)) + ").");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Grant());
        command.Subcommands.Add(Disable());
        command.Subcommands.Add(Reset());
        return command;
    }

    private static Option<string> Name() => new("--name", "-n")
    {
        Description = "Nom d’utilisateur (par exemple cpo-valbrune ou m.dupont) : il sert à se connecter et apparaît dans le journal d’audit.",
        HelpName = "NOM",
        Required = true,
    };

    private static Option<AccessRole> Role()
    {
        var role = new Option<AccessRole>("--role", "-r")
        {
            Description = "Rôle : " + string.Join(" ; ", AccessRoles.All.Select(r => $"{AccessRoles.Name(r)} ({AccessRoles.Description(r)})")) + ".",
            HelpName = "RÔLE",
            Required = true,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (AccessRoles.TryParse(token, out var parsed)) return parsed;
                result.AddError($"Rôle inconnu « {token} » : choisissez parmi {string.Join(", ", AccessRoles.All.Select(AccessRoles.Name))}.");
                return default;
            },
        };
        role.CompletionSources.Clear();
        role.CompletionSources.Add(AccessRoles.All.Select(AccessRoles.Name).ToArray());
        return role;
    }

    private static Option<string[]> Territories() => new("--territory", "-t")
    {
        Description = "Code d’une cité que l’utilisateur voit (répétable ; obligatoire pour equipe-cite, saisie et partenaire, interdit pour administrateur et national).",
        HelpName = "CODE",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command Add()
    {
        var name = Name();
        var role = Role();
        var territories = Territories();
        var command = new Command("add", "Crée un utilisateur ; son mot de passe est demandé (sans écho) ou lu sur la première ligne de l’entrée standard.") { name, role, territories };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var services = await ServicesAsync(context, cancellationToken);
            var options = WebOptionsOf(context);
            var password = ReadPassword(options.PasswordMinimumLength);
            if (password is null) return ExitCodes.InvalidInput;
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .AddAsync(parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(territories) ?? [], password, CliContext.Actor, cancellationToken);
            return Report(outcome);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Liste les utilisateurs (actifs d’abord), sans leurs mots de passe.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var services = await ServicesAsync(context, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(cancellationToken);
            if (users.Count == 0)
            {
                AnsiConsole.MarkupLine("[grey]Aucun utilisateur. Créez le premier administrateur : impacteval user add --name admin --role administrateur[/]");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Utilisateur", "Rôle", "Cités", "Créé le", "Par", "État");
            foreach (var user in users)
                table.AddRow(Markup.Escape(user.Name), Markup.Escape(AccessRoles.Name(user.Role)),
                    Markup.Escape(user.Territories.IsEmpty ? "toutes" : string.Join(", ", user.Territories)), Markup.Escape(Local(user.CreatedAt)),
                    Markup.Escape(user.CreatedBy),
                    user.DisabledAt is { } disabled ? Markup.Escape($"désactivé le {Local(disabled)} par {user.DisabledBy}")
                    : user.LockedUntil is { } locked ? Markup.Escape($"verrouillé jusqu’au {Local(locked.UtcDateTime)}") : "[green]actif[/]");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Grant()
    {
        var name = Name();
        var role = Role();
        var territories = Territories();
        var command = new Command("grant", "Donne à un utilisateur un autre rôle et d’autres cités ; ses sessions ouvertes se ferment.") { name, role, territories };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var services = await ServicesAsync(context, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            return Report(await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .GrantAsync(parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(territories) ?? [], CliContext.Actor, cancellationToken));
        });
        return command;
    }

    private static Command Disable()
    {
        var name = new Argument<string>("nom") { Description = "L’utilisateur désactivé (il ne peut plus se connecter ; il reste dans la liste)." };
        var command = new Command("disable", "Désactive un utilisateur immédiatement : connexion refusée, sessions closes.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var services = await ServicesAsync(context, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            return Report(await scope.ServiceProvider.GetRequiredService<UserAccounts>().DisableAsync(parse.GetValue(name)!, CliContext.Actor, cancellationToken));
        });
        return command;
    }

    private static Command Reset()
    {
        var name = new Argument<string>("nom") { Description = "L’utilisateur qui a oublié son mot de passe." };
        var url = new Option<string>("--url")
        {
            Description = "Adresse du service telle que l’utilisateur l’ouvre (par défaut http://127.0.0.1:5080).",
            HelpName = "ADRESSE",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var command = new Command("reset", "Affiche un lien de réinitialisation du mot de passe, à usage unique, à remettre à l’utilisateur.") { name, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var services = await ServicesAsync(context, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var (id, token, problem) = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ResetTokenAsync(parse.GetValue(name)!, CliContext.Actor, cancellationToken);
            if (token is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(problem!)}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine($"[green]✓[/] Lien à remettre à « {Markup.Escape(parse.GetValue(name)!.Trim())} » (valable {WebOptionsOf(context).ResetLinkLifetime.TotalHours:0} h, une seule fois) :");
            Console.WriteLine(ResetLink.For(parse.GetValue(url)!, id, token));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The user services on the configured store (schema brought up to date first).</summary>
    private static async Task<ServiceProvider> ServicesAsync(CliContext context, CancellationToken cancellationToken)
    {
        await (await context.OpenStoreAsync(cancellationToken)).DisposeAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<ImpactEvalDbContext>(db => Store.Configure(db, context.Store));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ImpactEvalDbContext>>().CreateDbContext());
        services.AddUserAccounts(WebOptionsOf(context));
        return services.BuildServiceProvider();
    }

    private static WebOptions WebOptionsOf(CliContext context) => context.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();

    /// <summary>The password, typed twice without echo at a terminal, or the first line of a redirected standard input; null when refused.</summary>
    private static string? ReadPassword(int minimumLength)
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (!string.IsNullOrEmpty(line)) return line;
            AnsiConsole.MarkupLine("[red]✗[/] Aucun mot de passe sur l’entrée standard (une ligne attendue).");
            return null;
        }
        var first = AnsiConsole.Prompt(new TextPrompt<string>($"Mot de passe ({minimumLength} caractères au moins, minuscule, majuscule et chiffre) :").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Le même, une seconde fois :").Secret());
        if (first == second) return first;
        AnsiConsole.MarkupLine("[red]✗[/] Les deux mots de passe diffèrent : rien n’a été créé.");
        return null;
    }

    private static int Report(UserOutcome outcome)
    {
        foreach (var message in outcome.Messages)
            AnsiConsole.MarkupLine(outcome.Done ? $"[green]✓[/] {Markup.Escape(message)}" : $"[red]✗[/] {Markup.Escape(message)}");
        return outcome.Done ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
