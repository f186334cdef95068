using System.CommandLine;
using ImpactEval.Reporting.Templates;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval template check FILE</c>: checks a Liquid report template and renders it strictly, within the render
/// budget of a report, on the complete and the minimal sample models (<see cref="TemplateChecker"/>); prints each problem
/// with its file, line, column and field, in French, and exits 2 when there is any.
/// </summary>
public static class TemplateCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("template", "Vérifier les gabarits de rapport.");
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Check()
    {
        var file = new Argument<FileInfo>("fichier") { Description = "Gabarit à vérifier (fichier .liquid)." };
        var templates = CommonOptions.Templates();
        var command = new Command("check", "Vérifie un gabarit Liquid sur un modèle de rapport complet et sur un modèle minimal, avec le budget de rendu d’un rapport ; chaque problème est donné avec sa ligne et le champ en cause.")
        {
            file, templates,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            var result = TemplateChecker.Check(path, parse.GetValue(templates)?.FullName);
            if (result.IsValid)
            {
                var samples = TemplateChecker.DeclaresNational(File.ReadAllText(path)) ? "sur un exemple de synthèse nationale" : "sur un rapport de cohorte complet et sur un rapport minimal";
                AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(result.File)} : gabarit valide (rendu sans erreur {samples}).");
                return ExitCodes.Ok;
            }
            foreach (var problem in result.Problems) AnsiConsole.MarkupLine($"[red]-[/] {Markup.Escape(problem.ToString())}");
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(result.File)} : {result.Problems.Length} problème(s). Les champs disponibles sont décrits dans docs/report-model.md.");
            return ExitCodes.InvalidInput;
        });
        return command;
    }
}
