using System.CommandLine;
using ImpactEval.Analysis;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Templates;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval report --protocol ID [--template NAME] [--format html,xlsx,pdf] [--out DIR] [--threshold 5]</c>:
/// computes (or reuses) the estimates of a protocol and writes its report; every export is audited. Without Chromium
/// the PDF is skipped with a French message and the command still succeeds (HTML and workbook are written).
/// </summary>
public static class ReportCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = CommonOptions.Protocol();
        var template = new Option<string?>("--template")
        {
            Description = "Gabarit : nom (rapport-cohorte, fiche-territoire) ou chemin d'un fichier .liquid. Par défaut celui du protocole (report.template).",
        };
        var formats = CommonOptions.Formats();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Dossier de sortie (par défaut out/ID_DU_PROTOCOLE)." };
        var threshold = CommonOptions.Threshold();
        var templates = CommonOptions.Templates();
        var command = new Command("report", "Produit le rapport d'un protocole (HTML, Excel, PDF) à partir des données enregistrées ; chaque export est tracé dans le journal d'audit.")
        {
            protocol, template, formats, output, threshold, templates,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(protocol)!;
            // A copy given by its path on the command line is used as is; a name is looked up in the templates directory.
            var name = parse.GetValue(template);
            if (name is not null && name.EndsWith(TemplateLocator.Extension, StringComparison.OrdinalIgnoreCase) && File.Exists(name)) name = Path.GetFullPath(name);
            var context = CliContext.From(parse);
            var export = new ReportExport(id, name, CommonOptions.FormatsOrAll(parse, formats),
                (parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("out", id))).FullName,
                parse.GetValue(threshold), parse.GetValue(templates)?.FullName, context.Pdf.Timeout);
            return await RunAsync(context, export, cancellationToken);
        });
        return command;
    }

    /// <summary>Exports the report and prints what was written.</summary>
    /// <param name="context">Configuration (store).</param>
    /// <param name="export">What to export (the parsed command line).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public static async Task<int> RunAsync(CliContext context, ReportExport export, CancellationToken cancellationToken)
    {
        await using var db = await context.OpenStoreAsync(cancellationToken);
        var outcome = await ExportAsync(new ReportExportService(db), export, cancellationToken);
        if (outcome is null) return ExitCodes.InvalidInput;
        AnsiConsole.MarkupLine(outcome.Computation.Reused
            ? "[grey]Données inchangées depuis le dernier calcul : estimations reprises telles quelles.[/]"
            : $"[green]✓[/] Estimations calculées sur {outcome.Computation.Results.Participants} participants.");
        Print(outcome);
        return ExitCodes.Ok;
    }

    /// <summary>Runs an export, printing template and protocol problems in French; null when the input is invalid.</summary>
    /// <param name="service">The export service on an open store.</param>
    /// <param name="export">What to export.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <param name="computation">Estimates already computed for this protocol (a second document of the same results), or null to compute them.</param>
    public static async Task<ReportExportService.Outcome?> ExportAsync(ReportExportService service, ReportExport export, CancellationToken cancellationToken,
        EstimateService.Computation? computation = null)
    {
        try
        {
            return computation is null
                ? await service.ExportAsync(export, CliContext.Actor, cancellationToken)
                : await service.ExportAsync(computation, export, CliContext.Actor, cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Aucun protocole", StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(e.Message)}");
        }
        catch (TemplateException e)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] Le gabarit ne peut pas être rendu, aucun fichier n'a été écrit :");
            AnsiConsole.MarkupLine($"  {Markup.Escape(e.Problem.ToString())}");
            AnsiConsole.MarkupLine("  Vérifiez-le avec : impacteval template check FICHIER");
        }
        catch (FileNotFoundException e)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] Gabarit introuvable : {Markup.Escape(e.Message)}");
        }
        catch (DirectoryNotFoundException e)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] Dossier des gabarits introuvable : {Markup.Escape(e.Message)}");
        }
        return null;
    }

    /// <summary>Prints the files written (with their size), the render time and the French messages (PDF skipped…).</summary>
    /// <param name="outcome">The export's outcome.</param>
    public static void Print(ReportExportService.Outcome outcome)
    {
        var written = outcome.Written;
        AnsiConsole.MarkupLine($"[green]✓[/] Rapport « {Markup.Escape(outcome.TemplateName)} » produit en {outcome.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} s :");
        foreach (var file in written.Files)
            AnsiConsole.MarkupLine($"  {Markup.Escape(RelativeToWorkingDirectory(file))} ({Size(new FileInfo(file).Length)})");
        foreach (var message in written.Messages)
            AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");
        if (!written.Files.IsEmpty) AnsiConsole.MarkupLine("[grey]Export enregistré dans le journal d'audit.[/]");
    }

    private static string RelativeToWorkingDirectory(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? $"{(bytes / 1024.0).ToString("0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} Kio"
            : $"{(bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} Mio";
}
