using System.CommandLine;
using System.Globalization;
using System.Text;
using ImpactEval.Cli.Commands;
using Spectre.Console;

namespace ImpactEval.Cli;

/// <summary>Composes every subcommand in one place and runs the command line.</summary>
public static class CliApplication
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("ImpactEval : protocoles d'évaluation, suivi de cohortes et estimations pour les cités éducatives.");
        root.Options.Add(CommonOptions.Data);
        root.Subcommands.Add(DemoCommand.GetCommand());
        root.Subcommands.Add(ProtocolCommand.GetCommand());
        root.Subcommands.Add(ImportCommand.GetCommand());
        root.Subcommands.Add(ImportCommand.GetEnrolCommand());
        root.Subcommands.Add(EstimateCommand.GetCommand());
        root.Subcommands.Add(ReportCommand.GetCommand());
        root.Subcommands.Add(TemplateCommand.GetCommand());
        root.Subcommands.Add(PowerCommand.GetCommand());
        root.Subcommands.Add(WorkbookCommand.GetCommand());
        root.Subcommands.Add(CohortCommand.GetCommand());
        root.Subcommands.Add(CampaignCommand.GetCommand());
        root.Subcommands.Add(ObservationCommand.GetCommand());
        root.Subcommands.Add(ParticipantCommand.GetCommand());
        root.Subcommands.Add(ServeCommand.GetCommand());
        root.Subcommands.Add(JobsCommand.GetCommand());
        root.Subcommands.Add(AccessCommand.GetCommand());
        // System.CommandLine localises its own texts except this one.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>()) help.Description = "Affiche l'aide et l'utilisation.";
        return root;
    }

    /// <summary>Parses and runs; unexpected failures are reported in French with exit code 1.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        // Redirected output (CI logs, pipes) would otherwise be wrapped at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        try
        {
            var parse = Build().Parse(args);
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            // "serve" runs the generic host, which handles SIGTERM/Ctrl+C itself and waits for running jobs up to
            // Worker:ShutdownTimeout; System.CommandLine's own handler would cut that wait at two seconds.
            if (parse.CommandResult.Command.Name == ServeCommand.Name) configuration.ProcessTerminationTimeout = null;
            var exit = await parse.InvokeAsync(configuration);
            // A command line that does not parse is invalid input, like an invalid file: exit 2, not the library's 1.
            return parse.Errors.Count > 0 ? ExitCodes.InvalidInput : exit;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            AnsiConsole.MarkupLine($"[red]Échec :[/] {Markup.Escape(ErrorText.Of(e))}");
            if (Environment.GetEnvironmentVariable("IMPACTEVAL_DEBUG") == "1") AnsiConsole.WriteException(e);
            return ExitCodes.Failure;
        }
    }
}
