using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class ProtocolCommandTests
{
    // A CPO validates a draft with five distinct mistakes: all five are printed with their lines, exit code 2.
    [Fact]
    public async Task Validate_FiveErrors_PrintsAllFiveAndExitsTwo()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "Protocols", "five-errors.yaml");

        var run = await cli.RunAsync("protocol", "validate", file);

        Assert.Equal(2, run.ExitCode);
        foreach (var line in new[] { ":10:", ":13:", ":20:", ":35:", ":38:" }) Assert.Contains(line, run.Output);
        Assert.Equal(5, run.Output.Split('\n').Count(l => l.Contains(": erreur :")));
    }

    // Issue 12, item 4: the evaluability verdict comes with the protocol, before any data. For 6 girls against 20
    // classmates, `protocol validate` prints the findings to review with the detectable effect and the sample that
    // would detect 0,3 SD, each placed in the file; `register` stores the same verdict with the version; the séjours
    // protocol without comparison group gets a blocking finding; `power` prints the verdict after its table.
    [Fact]
    public async Task ValidateRegisterPower_SmallGroups_VerdictPrintedPlacedAndStored()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "Protocols", "filles-sciences.yaml");

        var validate = await cli.RunAsync("protocol", "validate", file);
        var register = await cli.RunAsync("protocol", "register", file);
        var power = await cli.RunAsync("power", file);
        var sejours = await cli.RunAsync("protocol", "validate", Path.Combine(AppContext.BaseDirectory, "Protocols", "sejours.yaml"));

        Assert.Equal(0, validate.ExitCode);
        var text = Squeezed(validate.Output);
        Assert.Contains(Squeeze("protocole valide (5 indicateurs, 2 groupes, 1 vague)."), text);
        Assert.Contains(Squeeze("Évaluabilité : aucun point bloquant, 5 points à revoir, 1 information."), text);
        Assert.Contains(Squeeze("à revoir " + file + ":15:5 : Avec 6 et 20 participants prévus, la comparaison FILLES – CLASSE ne détectera qu'un écart d'au moins 1,36 écart-type"), text);
        Assert.Matches(@"Pourdétecter0,3écart-type,ilfaudraitenviron\d+et\d+participants", text);
        Assert.Equal(0, register.ExitCode);
        Assert.Contains(Squeeze("Évaluabilité : aucun point bloquant, 5 points à revoir"), Squeezed(register.Output));
        Assert.Contains(Squeeze("1,36"), Squeezed(power.Output));
        Assert.Contains(Squeeze("Évaluabilité : aucun point bloquant, 5 points à revoir"), Squeezed(power.Output));
        Assert.Contains(Squeeze("Évaluabilité : 1 point bloquant"), Squeezed(sejours.Output));
        Assert.Contains(Squeeze("l'impact (CONFIANCE) ne peut pas être estimé"), Squeezed(sejours.Output));

        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        var stored = Analysis.Evaluability.EvaluabilityVerdict.FromJson((await db.ProtocolVersions.SingleAsync()).Evaluability!);
        Assert.Equal(Analysis.Evaluability.EvaluabilityAssessment.Assess(Core.Loading.ProtocolLoader.LoadFile(file).Protocol!).Findings.AsEnumerable(), stored.Findings.AsEnumerable());
    }

    /// <summary>The output without colour codes nor any white space: the console wraps long lines and drops the space where it wraps.</summary>
    private static string Squeezed(string output) => Squeeze(Flat(output));

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    /// <summary>The output as one line without colour codes (the console wraps long messages).</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", "").Replace("\n", "");

    /// <summary>The shipped PasserelleS protocol written to the runner's directory with another report.template.</summary>
    private static string PasserellesWithTemplate(CliRunner cli, string template)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))
            .Replace("  template: rapport-cohorte", "  template: " + template, StringComparison.Ordinal);
        var path = Path.Combine(cli.WorkingDirectory, "passerelles-copie.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    // Issue 10, break 12: "../../…" in report.template passed validation. `protocol validate` now refuses it with its
    // line and column, exit 2; `protocol register` refuses a template that does not exist and writes nothing.
    [Fact]
    public async Task ValidateAndRegister_TemplateEscapingOrMissing_PlacedErrorExitTwo()
    {
        using var cli = new CliRunner();
        var escaping = PasserellesWithTemplate(cli, "../../etc/rapport.liquid");
        var line = File.ReadAllLines(escaping).ToList().FindIndex(l => l.StartsWith("  template: ", StringComparison.Ordinal)) + 1;

        var validate = await cli.RunAsync("protocol", "validate", escaping);
        var register = await cli.RunAsync("protocol", "register", PasserellesWithTemplate(cli, "rapport-disparu"));

        Assert.Equal(2, validate.ExitCode);
        Assert.Contains($"passerelles-copie.yaml:{line}:13: erreur : Le gabarit « ../../etc/rapport.liquid » sort du dossier du protocole", Flat(validate.Output));
        Assert.Equal(2, register.ExitCode);
        Assert.Contains("Le gabarit « rapport-disparu » n’existe pas dans le dossier des gabarits. Gabarits disponibles : fiche-territoire, rapport-cohorte, synthese-copil, synthese-nationale.", Flat(register.Output));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Protocols.CountAsync());
    }

    // Registering the same invalid file writes nothing to the store.
    [Fact]
    public async Task Register_InvalidProtocol_RegistersNothing()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "Protocols", "five-errors.yaml");

        var run = await cli.RunAsync("protocol", "register", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rien n'a été enregistré", run.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Protocols.CountAsync());
        Assert.Equal(0, await db.ProtocolVersions.CountAsync());
    }

    [Fact]
    public async Task Register_SameFileTwice_KeepsOneVersion()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml");

        Assert.Equal(0, (await cli.RunAsync("protocol", "register", file)).ExitCode);
        var second = await cli.RunAsync("protocol", "register", file);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("inchangé (version 1)", second.Output);
    }
}
