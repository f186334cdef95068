using ImpactEval.Cli;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class CollectionCommandsTests
{
    // The command lines a CPO types, as documented in the help: each parses without error.
    [Theory]
    [InlineData("cohort status --protocol passerelles --date 01/07/2026 --by-school --roster inscriptions.csv")]
    [InlineData("cohort set-status -p passerelles --id F09 --status retire --on 15/01/2026 --reason abandon")]
    [InlineData("cohort set-group -p passerelles --id F06 --group BEN --on 2025-11-03")]
    [InlineData("campaign open passerelles-T1 --protocol passerelles --wave T1 --opens 26/09/2025 --closes 31/10/2025 --expiry 15")]
    [InlineData("campaign open revue-2025 -p passerelles --period 2024-2025 --closes 31/12/2025 --territory CE-999-01 --territory CE-999-02")]
    [InlineData("campaign close passerelles-T1")]
    [InlineData("campaign consolidate revue-2024 --out out/revue --format html,xlsx --threshold 5")]
    [InlineData("campaign status")]
    [InlineData("campaign exception passerelles-T1 --until 30/11/2025 --reason grève --territory CE-999-01")]
    [InlineData("import values -p passerelles --period 2025-T1 --create-territories --dry-run valeurs.csv")]
    [InlineData("observation correct -p passerelles --id F02 -w T1 -i COOP_PROPRETE --value 3 --reason erreur")]
    [InlineData("participant export -t CE-999-01 --id F02 --out f02.json")]
    [InlineData("participant erase -t CE-999-01 --id F02 --reason demande --yes")]
    [InlineData("enrol -p passerelles --reinscrire inscriptions.csv")]
    public void Parse_DocumentedCommandLine_HasNoError(string line) =>
        Assert.Empty(CliApplication.Build().Parse(line.Split(' ')).Errors);

    // A date typed the wrong way round, and a campaign created without its closing date, are refused in French.
    [Theory]
    [InlineData("cohort set-status -p passerelles --id F09 --status retire --on 2026/01/15", "n'est pas une date")]
    [InlineData("campaign open c1 --protocol passerelles --wave T1", "date de clôture")]
    public void Parse_InvalidCommandLine_GivesFrenchError(string line, string expected) =>
        Assert.Contains(CliApplication.Build().Parse(line.Split(' ')).Errors, e => e.Message.Contains(expected));
}
