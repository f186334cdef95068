using System.CommandLine;
using ImpactEval.Analysis.Evaluability;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Reporting.Templates;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval protocol validate FILE...</c> and <c>impacteval protocol register FILE</c>. Both check that the
/// protocol's <c>report.template</c> exists (a name in the templates directory, a relative path next to the protocol).
/// </summary>
public static class ProtocolCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("protocol", "Vérifier et enregistrer des protocoles d'évaluation.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Register());
        return command;
    }

    private static Command Validate()
    {
        var files = new Argument<FileInfo[]>("fichiers") { Description = "Fichiers de protocole YAML.", Arity = ArgumentArity.OneOrMore };
        var templates = CommonOptions.Templates();
        var command = new Command("validate", "Vérifie un ou plusieurs fichiers de protocole et affiche chaque problème avec sa ligne et sa colonne.") { files, templates };
        command.SetAction(parse =>
        {
            if (TemplatesDirectory(parse, templates) is not { } directory) return ExitCodes.InvalidInput;
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                var result = ProtocolLoader.LoadFile(file.ToString(), directory);
                PrintProblems(result);
                if (result.IsValid)
                {
                    var p = result.Protocol!;
                    AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(file.ToString())} : protocole valide ({Count(p.Indicators.Length, "indicateur")}, {Count(p.Groups.Length, "groupe")}, {Count(p.Waves.Length, "vague")}).");
                    VerdictOutput.Print(p, file.ToString());
                }
                else
                {
                    AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(file.ToString())} : {result.Errors.Count()} erreur(s).");
                    exit = ExitCodes.InvalidInput;
                }
            }
            return exit;
        });
        return command;
    }

    private static Command Register()
    {
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier de protocole YAML." };
        var templates = CommonOptions.Templates();
        var command = new Command("register", "Enregistre un protocole (nouvelle version si le fichier a changé).") { file, templates };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TemplatesDirectory(parse, templates) is not { } directory) return ExitCodes.InvalidInput;
            var path = parse.GetValue(file)!.ToString();
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var loaded = ProtocolLoader.LoadFile(path, directory);
            var outcome = await new ProtocolRegistry(db).RegisterAsync(loaded, Path.GetFileName(path), CliContext.Actor, EvaluabilityAssessment.Json, cancellationToken);
            var exit = Report(outcome, path);
            if (loaded.Protocol is { } protocol && outcome.Status != RegistrationStatus.Invalid) VerdictOutput.Print(protocol, path);
            return exit;
        });
        return command;
    }

    /// <summary>The templates directory against which report.template is checked (--templates, IMPACTEVAL_TEMPLATES, shipped), or null after printing why there is none.</summary>
    private static string? TemplatesDirectory(ParseResult parse, Option<DirectoryInfo?> templates)
    {
        try
        {
            return TemplateLocator.ResolveDirectory(parse.GetValue(templates)?.FullName);
        }
        catch (DirectoryNotFoundException e)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
            return null;
        }
    }

    /// <summary>Prints a registration outcome and returns the exit code.</summary>
    public static int Report(RegistrationOutcome outcome, string file)
    {
        foreach (var problem in outcome.Problems) PrintProblem(problem);
        switch (outcome.Status)
        {
            case RegistrationStatus.Created:
                AnsiConsole.MarkupLine($"[green]✓[/] Protocole « {outcome.ProtocolCode} » enregistré (version {outcome.Version}).");
                return ExitCodes.Ok;
            case RegistrationStatus.NewVersion:
                AnsiConsole.MarkupLine($"[green]✓[/] Protocole « {outcome.ProtocolCode} » : nouvelle version {outcome.Version} enregistrée.");
                return ExitCodes.Ok;
            case RegistrationStatus.Unchanged:
                AnsiConsole.MarkupLine($"[grey]=[/] Protocole « {outcome.ProtocolCode} » inchangé (version {outcome.Version}).");
                return ExitCodes.Ok;
            case RegistrationStatus.Refused:
                AnsiConsole.MarkupLine($"[red]✗[/] Modification refusée : elle changerait le sens de données déjà saisies. Rien n'a été enregistré.");
                foreach (var refusal in outcome.Refusals) AnsiConsole.MarkupLine($"  - {Markup.Escape(refusal)}");
                return ExitCodes.InvalidInput;
            default:
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(file)} contient des erreurs : rien n'a été enregistré.");
                return ExitCodes.InvalidInput;
        }
    }

    /// <summary>"1 groupe", "3 groupes".</summary>
    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static void PrintProblems(ProtocolLoadResult result)
    {
        foreach (var problem in result.Problems) PrintProblem(problem);
    }

    private static void PrintProblem(ProtocolProblem problem)
    {
        var colour = problem.Severity == Severity.Error ? "red" : "yellow";
        AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(problem.ToString())}[/]");
    }
}
