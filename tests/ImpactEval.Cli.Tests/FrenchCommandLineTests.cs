using Xunit;
using System.CommandLine;
using System.Text.RegularExpressions;
using ImpactEval.Cli.Help;

namespace ImpactEval.Cli.Tests;

/// <summary>
/// The command line speaks only French: the help of every command and the errors of command lines that do not parse
/// contain none of System.CommandLine's English texts, and output that is not a terminal carries no escape codes.
/// </summary>
public sealed class FrenchCommandLineTests
{
    // The parser's own English words and phrases (its neutral resources), and the English value placeholders it
    // derives from option names; none may reach a user.
    private static readonly Regex English = new(
        @"Usage|REQUIRED|\bdefault\b|Options:|Commands:|Arguments:|Description:|\bShow\b|is required|was not matched|Did you mean|Unrecognized|Cannot parse|expects a single|Required (argument|command)|does not exist|<protocol>|<template>|<format>|\[command\]",
        RegexOptions.CultureInvariant);

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths(CliApplication.Build(), [])) data.Add(string.Join(' ', path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_HasNoEnglishParserText(string path)
    {
        // Every command a CPO can type, from `impacteval` to `impacteval campaign consolidate`.
        var (command, ancestors) = Find(path);

        var help = FrenchHelp.Write(command, ancestors, 120);

        Assert.Contains("Utilisation\u202F:", help);
        Assert.DoesNotMatch(English, help);
        Assert.StartsWith("  impacteval", help.Split('\n').SkipWhile(l => !l.StartsWith("Utilisation", StringComparison.Ordinal)).Skip(1).First());
    }

    [Fact]
    public void Help_RequiredOptionAndDefault_AreWrittenInFrench()
    {
        // `impacteval report --help`: --protocol must be given, --threshold defaults to 5.
        var (command, ancestors) = Find("report");

        var help = FrenchHelp.Write(command, ancestors, 200);

        Assert.Matches(@"-p, --protocol <ID>\s+\(obligatoire\)", help);
        Assert.Contains("[par défaut\u202F: 5]", help);
        Assert.Contains("--data <DOSSIER>", help); // inherited from the root command
    }

    [Fact]
    public void ShortOptions_MeanTheSameOptionInEveryCommand()
    {
        // "-t" was --template in report and --territory elsewhere, "-s" --threshold and --status: a user who learns a
        // letter in one command must be able to trust it in every other.
        var meanings = new Dictionary<string, HashSet<string>>();
        foreach (var path in Paths(CliApplication.Build(), []))
            foreach (var option in Find(string.Join(' ', path)).Command.Options)
                foreach (var alias in option.Aliases.Where(a => a.Length == 2 && a[0] == '-' && char.IsLetter(a[1])))
                {
                    if (!meanings.TryGetValue(alias, out var names)) meanings[alias] = names = [];
                    names.Add(option.Name);
                }

        var ambiguous = meanings.Where(m => m.Value.Count > 1).Select(m => $"{m.Key}: {string.Join(", ", m.Value)}");
        Assert.Empty(ambiguous);
        Assert.Contains("-p", meanings.Keys);
    }

    [Fact]
    public void Enrolments_HaveOneVisibleVerb()
    {
        // "impacteval enrol" and "impacteval import enrolments" did the same thing and were both listed.
        var root = CliApplication.Build();

        Assert.False(root.Subcommands.Single(c => c.Name == "enrol").Hidden);
        Assert.True(root.Subcommands.Single(c => c.Name == "import").Subcommands.Single(c => c.Name == "enrolments").Hidden);
    }

    [Theory]
    [InlineData("rapport")]                                     // a French word for a command that is named "report"
    [InlineData("report")]                                      // a required option missing
    [InlineData("report", "--protocol")]                        // an option without its value
    [InlineData("report", "--protocol", "p", "--threshold", "abc")] // a value of the wrong type
    [InlineData("report", "--protocol", "p", "--inconnue")]     // an unknown option
    [InlineData("protocol")]                                    // a command group without its subcommand
    [InlineData("protocol", "validate")]                        // a required argument missing
    [InlineData("cohort", "status", "--protocol", "p", "--limit", "beaucoup")]
    public async Task ParseError_IsFrenchWithExitCode2(params string[] arguments)
    {
        using var cli = new CliRunner();

        var run = await cli.RunAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Erreur\u202F:", run.Output);
        Assert.Contains("--help", run.Output);
        Assert.DoesNotMatch(English, run.Output);
    }

    [Fact]
    public async Task ParseError_UnknownCommand_SuggestsTheClosestName()
    {
        using var cli = new CliRunner();

        var run = await cli.RunAsync("rapport");

        Assert.Contains("Vouliez-vous dire «\u202Freport\u202F»\u202F?", run.Output);
    }

    [Fact]
    public async Task RedirectedOutput_HasNoEscapeCodes()
    {
        // A redirected run (CI log, pipe, file): the demo's table and the coloured ticks must be plain text.
        using var cli = new CliRunner();
        var protocol = Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml");

        var validate = await cli.RunAsync("protocol", "validate", protocol);
        var help = await cli.RunAsync("--help");

        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain('\u001b', validate.Output);
        Assert.DoesNotContain('\u001b', help.Output);
    }

    private static (Command Command, IReadOnlyList<Command> Ancestors) Find(string path)
    {
        Command command = CliApplication.Build();
        var ancestors = new List<Command>();
        foreach (var name in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ancestors.Add(command);
            command = command.Subcommands.Single(c => c.Name == name);
        }
        return (command, ancestors);
    }

    private static IEnumerable<string[]> Paths(Command command, string[] prefix)
    {
        yield return prefix;
        foreach (var sub in command.Subcommands)
            foreach (var path in Paths(sub, [.. prefix, sub.Name]))
                yield return path;
    }
}
