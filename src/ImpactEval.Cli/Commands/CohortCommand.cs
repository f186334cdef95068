using System.CommandLine;
using System.Globalization;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval cohort status --protocol ID [--date D] [--by-school] [--roster FICHIER]</c> (sample flow, completeness and
/// overdue tables), <c>impacteval cohort set-status</c> and <c>impacteval cohort set-group</c> (history kept).
/// </summary>
public static class CohortCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("cohort", "Suivre la cohorte : complétude des vagues, retards, sorties et changements de groupe.");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(SetStatus());
        command.Subcommands.Add(SetGroup());
        return command;
    }

    private static Command Status()
    {
        var protocol = CommonOptions.Protocol();
        var date = CollectionOptions.AsOf();
        var bySchool = new Option<bool>("--by-school") { Description = "Détaille la complétude par école." };
        var roster = new Option<FileInfo?>("--roster") { Description = "Fichier de la cité avec une colonne « identifiant » (par exemple le fichier d'inscription) : les retards sont affichés avec ses identifiants au lieu des pseudonymes." };
        var limit = new Option<int>("--limit") { Description = "Nombre maximal de retards listés.", DefaultValueFactory = _ => 50 };
        var command = new Command("status", "Affiche le flux de l'échantillon, la complétude par vague et groupe, et la liste des retards.") { protocol, date, bySchool, roster, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var today = parse.GetValue(date) ?? CollectionOptions.Today;
            var status = await new CohortStatusService(db).GetAsync(parse.GetValue(protocol)!, today, cancellationToken);
            if (status is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Aucun protocole « {Markup.Escape(parse.GetValue(protocol)!)} » n'est enregistré.");
                return ExitCodes.InvalidInput;
            }
            var names = parse.GetValue(roster) is { } file ? await RosterAsync(db, context.Pseudonymiser(), status.Protocol, file, cancellationToken) : null;
            AnsiConsole.MarkupLine($"[bold]Protocole {Markup.Escape(status.Protocol)}[/] — suivi au {CollectionOptions.Format(today)}");
            AnsiConsole.Write(FlowTable(status.Flow));
            AnsiConsole.Write(CompletenessTable(status, parse.GetValue(bySchool)));
            WriteOverdue(status, names, parse.GetValue(limit), today);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetStatus()
    {
        var protocol = CommonOptions.Protocol();
        var id = CollectionOptions.Identifier();
        var status = new Option<string>("--status", "-s") { Description = "Nouveau statut : actif, terminé, retiré, perdu-de-vue, déménagé.", Required = true };
        var on = CollectionOptions.Date("--on", "Date d'effet", required: true);
        var reason = CollectionOptions.Reason(required: false);
        var command = new Command("set-status", "Change le statut d'un participant (retrait motivé, perdu de vue, déménagement, fin de suivi) ; l'historique est conservé.") { protocol, id, status, on, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!EnrolmentStatusText.TryParse(parse.GetValue(status)!, out var value))
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Statut « {Markup.Escape(parse.GetValue(status)!)} » inconnu : actif, terminé, retiré, perdu-de-vue ou déménagé.");
                return ExitCodes.InvalidInput;
            }
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var change = await new CohortService(db, context.Pseudonymiser()).ChangeStatusAsync(parse.GetValue(protocol)!, parse.GetValue(id)!, value,
                parse.GetValue(on)!.Value, parse.GetValue(reason), CliContext.Actor, cancellationToken);
            return Report(change);
        });
        return command;
    }

    private static Command SetGroup()
    {
        var protocol = CommonOptions.Protocol();
        var id = CollectionOptions.Identifier();
        var group = new Option<string>("--group", "-g") { Description = "Nouveau groupe (code ou libellé).", Required = true };
        var on = CollectionOptions.Date("--on", "Date d'effet", required: true);
        var reason = CollectionOptions.Reason(required: false);
        var command = new Command("set-group", "Enregistre le passage d'un participant dans un autre groupe ; les analyses gardent le groupe d'inscription (intention de traiter).") { protocol, id, group, on, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var change = await new CohortService(db, context.Pseudonymiser()).ChangeGroupAsync(parse.GetValue(protocol)!, parse.GetValue(id)!, parse.GetValue(group)!,
                parse.GetValue(on)!.Value, parse.GetValue(reason), CliContext.Actor, cancellationToken);
            return Report(change);
        });
        return command;
    }

    private static int Report(CohortChange change)
    {
        AnsiConsole.MarkupLine(change.Applied ? $"[green]✓[/] {Markup.Escape(change.Message)}" : $"[red]✗[/] {Markup.Escape(change.Message)}");
        return change.Applied ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    /// <summary>The sample flow: enrolled, observed at each wave, left.</summary>
    public static Table FlowTable(CohortFlow flow)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Flux de l'échantillon (groupe d'inscription)");
        table.AddColumns("Groupe", "Inscrits");
        var waves = flow.Groups.FirstOrDefault()?.Waves.Select(w => w.Wave).ToList() ?? [];
        foreach (var wave in waves) table.AddColumn($"{wave} : recueillis / attendus");
        table.AddColumns("Retirés", "Perdus de vue", "Déménagés", "Suivi terminé", "Changé de groupe");
        foreach (var group in flow.Groups)
        {
            var cells = new List<string> { group.Group, FrenchNumber.Count(group.Enrolled) };
            cells.AddRange(group.Waves.Select(w => $"{FrenchNumber.Count(w.Observed)} / {FrenchNumber.Count(w.Expected)}" + (w.Late > 0 ? $" (dont {w.Late} hors délai)" : "")));
            cells.AddRange([FrenchNumber.Count(group.Withdrawn), FrenchNumber.Count(group.Lost), FrenchNumber.Count(group.Moved), FrenchNumber.Count(group.Completed), FrenchNumber.Count(group.MovedToOtherGroup)]);
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        return table;
    }

    /// <summary>Completeness per wave × group (and school).</summary>
    public static Table CompletenessTable(CohortStatus status, bool bySchool)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Complétude des vagues");
        table.AddColumns("Vague", "Groupe");
        if (bySchool) table.AddColumn("École");
        table.AddColumns("Attendus", "Recueillis", "dont hors délai", "Manquants (fenêtre close)", "Sortis du suivi", "Pas encore dus", "Complétude");
        foreach (var row in status.Completeness.Where(c => bySchool || c.Cluster is null))
        {
            var cells = new List<string> { row.Wave, row.Group ?? "Tous" };
            if (bySchool) cells.Add(row.Cluster ?? (row.Group is null ? "" : "Toutes"));
            cells.AddRange([FrenchNumber.Count(row.Expected), FrenchNumber.Count(row.Collected), FrenchNumber.Count(row.Late), FrenchNumber.Count(row.Overdue), FrenchNumber.Count(row.Left), FrenchNumber.Count(row.NotYetDue),
                row.Rate is { } rate ? rate.ToString("P0", FrenchNumber.Culture) : "—"]);
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        return table;
    }

    private static void WriteOverdue(CohortStatus status, Dictionary<string, string>? names, int limit, DateOnly today)
    {
        var overdue = status.Overdue;
        if (overdue.IsEmpty)
        {
            AnsiConsole.MarkupLine("[green]Aucun retard :[/] toutes les vagues dont la fenêtre est close ont été recueillies pour les participants suivis.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"Retards : {overdue.Length} recueil(s) attendu(s) dont la fenêtre est close");
        table.AddColumns("Participant", "Groupe", "École", "Vague", "Échéance", "Fenêtre close le", "Jours de retard");
        foreach (var e in overdue.Take(limit))
        {
            var who = names is not null && names.TryGetValue(e.Pseudonym, out var name) ? name : e.Pseudonym[..8] + "…";
            table.AddRow([.. new[] { who, e.Group, e.Cluster ?? "", e.Wave, CollectionOptions.Format(e.DueOn), CollectionOptions.Format(e.WindowCloses),
                e.DaysOverdue(today).ToString(CultureInfo.InvariantCulture) }.Select(Markup.Escape)]);
        }
        AnsiConsole.Write(table);
        if (overdue.Length > limit) AnsiConsole.MarkupLine($"… et {overdue.Length - limit} autre(s) (--limit pour en voir plus).");
        if (names is null) AnsiConsole.MarkupLine("[grey]Les participants sont désignés par leur pseudonyme ; --roster FICHIER affiche les identifiants de la cité.[/]");
    }

    /// <summary>Pseudonym → the cité's identifier, from a file of the cité (computed here, never stored).</summary>
    private static async Task<Dictionary<string, string>> RosterAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, string protocolCode, FileInfo file,
        CancellationToken cancellationToken)
    {
        var territory = (await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken))!.Value.Protocol.TerritoryCode;
        var problems = new List<ImportProblem>();
        var identifiers = RosterFile.ReadIdentifiers(file.FullName, problems);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (problems.Count > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(problems[0].ToString())} Pseudonymes affichés.");
            return names;
        }
        foreach (var id in identifiers) names[pseudonymiser.Pseudonym(territory, id)] = id;
        return names;
    }

}
