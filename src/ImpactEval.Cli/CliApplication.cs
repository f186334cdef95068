using System.CommandLine;
using System.Globalization;
using System.Text;
using System.CommandLine.Parsing;
using ImpactEval.Cli.Commands;
using ImpactEval.Cli.Help;
using ImpactEval.Data;
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
        root.Subcommands.Add(DatasetCommand.GetCommand());
        root.Subcommands.Add(PoolCommand.GetCommand());
        root.Subcommands.Add(ReportCommand.GetCommand());
        root.Subcommands.Add(TemplateCommand.GetCommand());
        root.Subcommands.Add(PowerCommand.GetCommand());
        root.Subcommands.Add(WorkbookCommand.GetCommand());
        root.Subcommands.Add(CohortCommand.GetCommand());
        root.Subcommands.Add(TerritoryCommand.GetCommand());
        root.Subcommands.Add(CampaignCommand.GetCommand());
        root.Subcommands.Add(ObservationCommand.GetCommand());
        root.Subcommands.Add(ParticipantCommand.GetCommand());
        root.Subcommands.Add(ServeCommand.GetCommand());
        root.Subcommands.Add(JobsCommand.GetCommand());
        root.Subcommands.Add(AccessCommand.GetCommand());
        root.Subcommands.Add(UserCommand.GetCommand());
        FrenchHelp.Install(root);
        return root;
    }

    /// <summary>Parses and runs; failures are reported in French with exit code 1 (database errors explained by <see cref="StoreErrors"/>).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        ConfigureConsole();
        try
        {
            // The parser formats its own messages under the invariant UI culture; ParserMessages rewrites them in French.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var parse = Build().Parse(args);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            if (parse.Errors.Count > 0 && parse.Action is not FrenchHelp) return ReportParseErrors(parse);
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            // "serve" runs the generic host, which handles SIGTERM/Ctrl+C itself and waits for running jobs up to
            // Worker:ShutdownTimeout; System.CommandLine's own handler would cut that wait at two seconds.
            if (parse.CommandResult.Command.Name == ServeCommand.Name) configuration.ProcessTerminationTimeout = null;
            return await parse.InvokeAsync(configuration);
        }
        catch (InvalidOperationException e) when (ParserMessages.IsParserMessage(e.Message))
        {
            // A value that the parser could not convert, found when a validator or an action read it.
            Console.Error.WriteLine("Erreur\u202F: " + ParserMessages.Translate(e.Message, Build()));
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            AnsiConsole.MarkupLine($"[red]Échec :[/] {Markup.Escape(StoreErrors.Describe(e) ?? ErrorText.Of(e))}");
            if (Environment.GetEnvironmentVariable("IMPACTEVAL_DEBUG") == "1") AnsiConsole.WriteException(e);
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// A command line that does not parse is invalid input, like an invalid file: its errors in French on the error
    /// output, where to find help, and exit 2.
    /// </summary>
    private static int ReportParseErrors(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        foreach (var error in parse.Errors) Console.Error.WriteLine("Erreur\u202F: " + ParserMessages.Translate(error, command));
        var path = string.Join(' ', Ancestry(parse).Select(c => c.Name).Skip(1).Prepend("impacteval"));
        Console.Error.WriteLine($"Aide\u202F: {path} --help");
        return ExitCodes.InvalidInput;
    }

    private static IEnumerable<Command> Ancestry(ParseResult parse)
    {
        var chain = new List<Command>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
            if (result is CommandResult command) chain.Insert(0, command.Command);
        return chain;
    }

    /// <summary>
    /// No colours or cursor codes when the output is not a terminal (logs, pipes, files) or when NO_COLOR is set
    /// (https://no-color.org); redirected output is not wrapped at 80 columns.
    /// </summary>
    private static void ConfigureConsole()
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        if (!plain) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
    }
}
