using System.CommandLine;
using ImpactEval.Collection.Import;
using ImpactEval.Data;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary><c>impacteval import observations|enrolments|values --protocol ID FILE</c> and the alias <c>impacteval enrol</c>.</summary>
public static class ImportCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("import", "Importer un fichier (CSV ou XLSX) : tout ou rien, et sans doublon si on le réimporte.");
        command.Subcommands.Add(Observations());
        // One verb per concept: enrolments are imported by "impacteval enrol"; "import enrolments" stays as a hidden alias.
        var enrolments = Enrolments("enrolments", "Alias de « impacteval enrol ».");
        enrolments.Hidden = true;
        command.Subcommands.Add(enrolments);
        command.Subcommands.Add(Values());
        return command;
    }

    /// <summary><c>impacteval enrol</c>: imports enrolments (<c>import enrolments</c> is its hidden alias).</summary>
    public static Command GetEnrolCommand() =>
        Enrolments("enrol", "Inscrit des participants à partir d'un fichier (identifiant, groupe, école, date d'inscription, covariables).");

    private static Command Observations()
    {
        var protocol = CommonOptions.Protocol();
        var dryRun = CommonOptions.DryRun();
        var wave = new Option<string?>("--wave", "-w") { Description = "Vague de toutes les lignes, si le fichier n'a pas de colonne « vague »." };
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier CSV des observations." };
        var command = new Command("observations", "Importe des observations (une ligne par participant et par vague, une colonne par indicateur).") { protocol, dryRun, wave, file };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(protocol)!, parse.GetValue(file)!, new ImportOptions(CliContext.Actor, parse.GetValue(dryRun), parse.GetValue(wave)),
            (db, context) => (p, s, n, o, c) => new ObservationImporter(db, context.Pseudonymiser()).ImportAsync(p, s, n, o, c), cancellationToken));
        return command;
    }

    private static Command Values()
    {
        var protocol = CommonOptions.Protocol();
        var dryRun = CommonOptions.DryRun();
        var period = new Option<string?>("--period") { Description = "Période de toutes les lignes (2025, 2024-2025, 2025-T1…), si le fichier n'a pas de colonne « periode »." };
        var create = new Option<bool>("--create-territories") { Description = "Crée les cités que la base ne connaît pas encore (campagne nationale)." };
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier CSV des valeurs agrégées." };
        var command = new Command("values", "Importe des valeurs agrégées par territoire et période (une ligne par territoire et période, une colonne par indicateur).")
            { protocol, dryRun, period, create, file };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(protocol)!, parse.GetValue(file)!,
            new ImportOptions(CliContext.Actor, parse.GetValue(dryRun), Period: parse.GetValue(period), CreateTerritories: parse.GetValue(create)),
            (db, _) => (p, s, n, o, c) => new AggregateValueImporter(db).ImportAsync(p, s, n, o, c), cancellationToken));
        return command;
    }

    private static Command Enrolments(string name, string description)
    {
        var protocol = CommonOptions.Protocol();
        var dryRun = CommonOptions.DryRun();
        var reenrol = new Option<bool>("--reinscrire")
        {
            Description = "Réinscrit les participants du fichier qui avaient été effacés, après un nouveau consentement de leur famille (chaque réinscription est journalisée).",
        };
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier CSV des inscriptions." };
        var command = new Command(name, description) { protocol, dryRun, reenrol, file };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(protocol)!, parse.GetValue(file)!,
            new ImportOptions(CliContext.Actor, parse.GetValue(dryRun), Reenrol: parse.GetValue(reenrol)),
            (db, context) => (p, s, n, o, c) => new EnrolmentImporter(db, context.Pseudonymiser()).ImportAsync(p, s, n, o, c), cancellationToken));
        return command;
    }

    private delegate Task<ImportResult> Importer(Core.Model.Protocol protocol, Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken);

    private static async Task<int> RunAsync(ParseResult parse, string protocolCode, FileInfo file, ImportOptions options,
        Func<ImpactEvalDbContext, CliContext, Importer> importer, CancellationToken cancellationToken)
    {
        var context = CliContext.From(parse);
        await using var db = await context.OpenStoreAsync(cancellationToken);
        var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
        if (current is null)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] Aucun protocole « {Markup.Escape(protocolCode)} » n'est enregistré (impacteval protocol register FICHIER).");
            return ExitCodes.InvalidInput;
        }
        if (!file.Exists)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] Fichier introuvable : {Markup.Escape(file.ToString())}");
            return ExitCodes.InvalidInput;
        }
        await using var stream = file.OpenRead();
        var result = await importer(db, context)(current.Value.Protocol, stream, file.Name, options, cancellationToken);
        return Report(result, options.DryRun);
    }

    /// <summary>Prints an import result and returns the exit code.</summary>
    public static int Report(ImportResult result, bool dryRun)
    {
        if (!result.Accepted)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(result.File)} refusé : {result.Problems.Length} problème(s). Rien n'a été importé.");
            foreach (var problem in result.Problems) AnsiConsole.MarkupLine($"  [red]-[/] {Markup.Escape(problem.ToString())}");
            return ExitCodes.InvalidInput;
        }
        if (!dryRun && result.AlreadyImportedAt is { } at)
        {
            var local = at.ToLocalTime();
            AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(result.File)} déjà importé le {Core.Text.FrenchDate.Format(DateOnly.FromDateTime(local))} à {local:HH:mm}\u202F: " +
                $"rien n’a changé ({result.Rows} lignes, {result.Unchanged} inchangés).");
            return ExitCodes.Ok;
        }
        var verb = dryRun ? "serait importé" : result.Written ? "importé" : "déjà à jour, rien n'a changé";
        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(result.File)} {verb} : {result.Rows} lignes, {result.Inserted} créations, {result.Updated} corrections, {result.Unchanged} inchangés.");
        return ExitCodes.Ok;
    }
}
