using System.CommandLine;
using System.Globalization;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Core.Text;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Templates;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval campaign open|close|status|exception|consolidate</c>: collection campaigns for a wave or a questionnaire
/// period, with opening and closing dates, a lock after the expiry days, exceptions, and the national consolidation of a
/// questionnaire campaign.
/// </summary>
public static class CampaignCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("campaign", "Campagnes de collecte : ouverture, clôture, verrouillage, dérogations et complétude.");
        command.Subcommands.Add(Open());
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Exception());
        command.Subcommands.Add(Consolidate());
        command.Subcommands.Add(Revisions());
        command.Subcommands.Add(OpenData());
        return command;
    }

    private static Argument<string> Code() => new("code") { Description = "Code de la campagne (par exemple passerelles-T1-2025)." };

    private static Command Open()
    {
        var code = Code();
        var protocol = new Option<string?>("--protocol", "-p") { Description = "Protocole (pour créer la campagne)." };
        var wave = new Option<string?>("--wave", "-w") { Description = "Vague recueillie (campagne de vague)." };
        var period = new Option<string?>("--period") { Description = "Période du questionnaire : 2025, 2024-2025, 2025-T1… (campagne de questionnaire)." };
        var label = new Option<string?>("--label") { Description = "Libellé affiché dans les relances." };
        var opens = CollectionOptions.Date("--opens", "Ouverture, par défaut aujourd'hui");
        var closes = CollectionOptions.Date("--closes", "Clôture : dernier jour à temps (obligatoire pour créer ou rouvrir)");
        var expiry = new Option<int?>("--expiry") { Description = "Jours après la clôture pendant lesquels les retards sont encore acceptés, avant verrouillage (sans cette option : jamais verrouillée)." };
        var territories = new Option<string[]>("--territory") { Description = "Cité attendue (questionnaire ; répétable).", AllowMultipleArgumentsPerToken = true };
        var indicators = new Option<string[]>("--indicator") { Description = "Indicateur attendu (questionnaire ; répétable ; par défaut tous).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("open", "Crée et ouvre une campagne (avec --protocol), ou ouvre maintenant une campagne existante (rouverture : --closes).")
            { code, protocol, wave, period, label, opens, closes, expiry, territories, indicators };
        command.Validators.Add(result =>
        {
            if (result.GetValue(protocol) is not null && result.GetValue(closes) is null)
                result.AddError("Pour créer une campagne, donnez sa date de clôture (--closes JJ/MM/AAAA).");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var service = new CampaignService(db);
            var today = CollectionOptions.Today;
            CampaignOutcome outcome;
            if (parse.GetValue(protocol) is { } protocolCode)
            {
                var definition = new CampaignDefinition(parse.GetValue(code)!, parse.GetValue(label) ?? parse.GetValue(code)!, protocolCode, parse.GetValue(wave), parse.GetValue(period),
                    parse.GetValue(opens) ?? today, parse.GetValue(closes)!.Value, parse.GetValue(expiry),
                    [.. parse.GetValue(territories) ?? []], [.. parse.GetValue(indicators) ?? []]);
                outcome = await service.CreateAsync(definition, CliContext.Actor, today, cancellationToken);
            }
            else outcome = await service.OpenAsync(parse.GetValue(code)!, today, parse.GetValue(closes), CliContext.Actor, cancellationToken);
            return Report(outcome);
        });
        return command;
    }

    private static Command Close()
    {
        var code = Code();
        var command = new Command("close", "Clôt une campagne maintenant : les valeurs reçues aujourd’hui restent à temps, les suivantes seront en retard, puis refusées après le délai de verrouillage.") { code };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            return Report(await new CampaignService(db).CloseAsync(parse.GetValue(code)!, CollectionOptions.Today, CliContext.Actor, cancellationToken));
        });
        return command;
    }

    private static Command Exception()
    {
        var code = Code();
        var until = CollectionOptions.Date("--until", "Dernier jour de la dérogation", required: true);
        var reason = CollectionOptions.Reason(required: true);
        var territory = new Option<string?>("--territory", "-t") { Description = "Cité autorisée (par défaut toutes)." };
        var command = new Command("exception", "Accorde une dérogation : écrire dans une campagne verrouillée jusqu'à une date.") { code, until, reason, territory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            return Report(await new CampaignService(db).GrantExceptionAsync(parse.GetValue(code)!, parse.GetValue(territory), parse.GetValue(until)!.Value,
                parse.GetValue(reason)!, CliContext.Actor, CollectionOptions.Today, cancellationToken));
        });
        return command;
    }

    /// <summary><c>impacteval campaign revisions CODE [--cite X]</c>: the corrections of a questionnaire campaign's answers, oldest first.</summary>
    private static Command Revisions()
    {
        var code = new Argument<string>("code") { Description = "Code de la campagne." };
        var cite = new Option<string?>("--cite") { Description = "Code de la cité : seulement ses corrections." };
        var command = new Command("revisions", "Affiche les corrections des réponses à une campagne (valeur avant, valeur après, qui, quand, pourquoi).") { code, cite };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var revisions = await new CampaignRevisions(db).ListAsync(parse.GetValue(code)!, parse.GetValue(cite), cancellationToken);
            if (revisions is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Aucune campagne de questionnaire « {Markup.Escape(parse.GetValue(code)!)} ».");
                return ExitCodes.InvalidInput;
            }
            if (revisions.Count == 0)
            {
                AnsiConsole.MarkupLine($"Aucune correction des réponses à la campagne « {Markup.Escape(parse.GetValue(code)!)} »{(parse.GetValue(cite) is { } c ? $" pour {Markup.Escape(c)}" : "")}.");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title($"{revisions.Count} correction(s) des réponses à la campagne « {Markup.Escape(parse.GetValue(code)!)} »");
            table.AddColumns("Le", "Cité", "Question", "Avant", "Après", "Par", "Motif");
            foreach (var r in revisions)
                table.AddRow([.. new[]
                {
                    CollectionOptions.Format(DateOnly.FromDateTime(r.At.ToLocalTime())), r.TerritoryName is null ? r.Territory : $"{r.Territory} ({r.TerritoryName})", r.Indicator,
                    r.Previous, r.New, r.ChangedBy, r.Reason,
                }.Select(Markup.Escape)]);
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>impacteval campaign opendata CODE [--out DIR]</c>: the campaign's open data (one row per cité × question, Frictionless schema), audited.</summary>
    private static Command OpenData()
    {
        var code = new Argument<string>("code") { Description = "Code de la campagne." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Dossier de sortie (par défaut out/CODE)." };
        var command = new Command("opendata", "Écrit les données ouvertes d'une campagne : un CSV (une ligne par cité et par question, codes et libellés) et son schéma Frictionless.") { code, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var campaign = parse.GetValue(code)!;
            var directory = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("out", campaign));
            var (files, rows, refusal) = await new NationalSynthesisExportService(db).ExportOpenDataAsync(campaign, directory, CliContext.Actor, cancellationToken);
            if (files is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(refusal!)}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine($"[green]✓[/] Données ouvertes de la campagne « {Markup.Escape(campaign)} » : {rows} ligne(s).");
            foreach (var file in files) AnsiConsole.MarkupLine($"  {Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), file))}");
            AnsiConsole.MarkupLine("Export enregistré dans le journal d'audit.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status()
    {
        var code = new Argument<string?>("code") { Description = "Code de la campagne (sans code : toutes).", Arity = ArgumentArity.ZeroOrOne };
        var date = CollectionOptions.AsOf();
        var command = new Command("status", "Affiche les campagnes, ou la complétude et la ponctualité d'une campagne.") { code, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var service = new CampaignService(db);
            var today = parse.GetValue(date) ?? CollectionOptions.Today;
            if (parse.GetValue(code) is not { } one)
            {
                var all = await service.ListAsync(today, cancellationToken);
                if (all.Count == 0) AnsiConsole.MarkupLine("Aucune campagne (impacteval campaign open CODE --protocol … --closes …).");
                else AnsiConsole.Write(ListTable(all));
                return ExitCodes.Ok;
            }
            var report = await service.StatusAsync(one, today, cancellationToken);
            if (report is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Aucune campagne « {Markup.Escape(one)} ».");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.Write(ListTable([report]));
            AnsiConsole.Write(RespondentTable(report));
            foreach (var e in report.Exceptions)
                AnsiConsole.MarkupLine(Markup.Escape($"Dérogation jusqu'au {CollectionOptions.Format(e.Until)} pour {e.Territory ?? "tous les territoires"} ({e.Reason}, accordée par {e.GrantedBy})."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Consolidate()
    {
        var code = Code();
        var formats = CommonOptions.Formats();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Dossier de sortie (par défaut out/CODE_DE_LA_CAMPAGNE)." };
        var threshold = CommonOptions.Threshold();
        var templates = CommonOptions.Templates();
        var command = new Command("consolidate",
            "Consolide une campagne de questionnaire (par exemple la revue de projet) et produit sa synthèse nationale (HTML, Excel, PDF) : " +
            "numérateur, dénominateur et non-réponse de chaque question, contrôles de cohérence ; l'export est tracé dans le journal d'audit.")
        {
            code, formats, output, threshold, templates,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var campaign = parse.GetValue(code)!;
            var context = CliContext.From(parse);
            var export = new NationalSynthesisExport(campaign, CommonOptions.FormatsOrAll(parse, formats),
                (parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("out", campaign))).FullName, parse.GetValue(threshold), parse.GetValue(templates)?.FullName,
                PdfTimeout: context.Pdf.Timeout);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            NationalSynthesisExportService.Outcome outcome;
            try
            {
                outcome = await new NationalSynthesisExportService(db).ExportAsync(export, CliContext.Actor, cancellationToken);
            }
            catch (TemplateException e)
            {
                AnsiConsole.MarkupLine("[red]✗[/] Le gabarit ne peut pas être rendu, aucun fichier n'a été écrit :");
                AnsiConsole.MarkupLine($"  {Markup.Escape(e.Problem.ToString())}");
                AnsiConsole.MarkupLine("  Vérifiez-le avec : impacteval template check FICHIER");
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Gabarit introuvable : {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
            var consolidation = outcome.Consolidation;
            if (!consolidation.Done)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(consolidation.Message)}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(consolidation.Message)} ({Seconds(consolidation.Elapsed)} s)");
            foreach (var check in consolidation.Checks) AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(check)}");
            AnsiConsole.MarkupLine($"[green]✓[/] Synthèse nationale produite en {Seconds(outcome.Elapsed)} s :");
            foreach (var file in outcome.Written.Files) AnsiConsole.MarkupLine($"  {Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), file))}");
            foreach (var message in outcome.Written.Messages) AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");
            if (!outcome.Written.Files.IsEmpty) AnsiConsole.MarkupLine("[grey]Export enregistré dans le journal d'audit.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", FrenchNumber.Culture);

    private static Table ListTable(IEnumerable<CampaignReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Campagne", "Libellé", "Protocole", "Objet", "Ouverture", "Clôture", "Verrouillage", "État", "Reçus / attendus");
        foreach (var r in reports)
        {
            var total = r.Wave is null ? r.Respondents : r.Respondents.Where(x => x.Cluster is null);
            var (expected, received) = (total.Sum(x => x.Expected), total.Sum(x => x.OnTime + x.Late));
            table.AddRow([.. new[] { r.Code, r.Label, r.Protocol, r.Wave is { } w ? $"vague {w}" : $"questionnaire {r.Period}",
                CollectionOptions.Format(r.OpensOn), CollectionOptions.Format(r.ClosesOn), r.LocksOn is { } l ? CollectionOptions.Format(l) : "jamais",
                r.State.Label(), $"{received} / {expected}" }.Select(Markup.Escape)]);
        }
        return table;
    }

    private static Table RespondentTable(CampaignReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Complétude et ponctualité");
        table.AddColumns("Territoire", "École", "Attendus", "À temps", "En retard", "Manquants", "Complétude");
        foreach (var r in report.Respondents)
            table.AddRow([.. new[] { r.Territory, r.Cluster ?? (report.Wave is null ? "" : "Total"), FrenchNumber.Count(r.Expected), FrenchNumber.Count(r.OnTime), FrenchNumber.Count(r.Late), FrenchNumber.Count(r.Missing),
                r.Rate is { } rate ? rate.ToString("P0", FrenchNumber.Culture) : "—" }.Select(Markup.Escape)]);
        return table;
    }

    private static int Report(CampaignOutcome outcome)
    {
        AnsiConsole.MarkupLine(outcome.Done ? $"[green]✓[/] {Markup.Escape(outcome.Message)}" : $"[red]✗[/] {Markup.Escape(outcome.Message)}");
        return outcome.Done ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

}
