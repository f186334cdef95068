using System.Diagnostics;
using System.Net;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.Reporting;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Cli.Tests;

public class CampaignConsolidateCommandTests(ITestOutputHelper output)
{
    // The national coordination runs the 2024 revue de projet with the command line only: registers the questionnaire,
    // imports the 208 fictitious cités' answers (creating the cités), opens the campaign for all of them with dates already
    // past, and consolidates it: the synthesis shows 208 cités asked and how many answered, every question with its
    // non-response, and the export is in the audit log. A campaign code that does not exist is refused in French.
    [Fact]
    public async Task CampaignConsolidate_RevueDeProjetOf208Cites_WritesTheSynthesisAndAuditsIt()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "revue-de-projet.yaml"))).ExitCode);
        var cites = RevueDeProjetCampaign.Generate();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "revue-2024.csv"), RevueDeProjetCampaign.Csv(cites));
        var import = await cli.RunAsync("import", "values", "-p", "revue-de-projet", "--create-territories", "revue-2024.csv");
        Assert.True(import.ExitCode == 0, import.Output);
        // The cités that did not answer in 2024 are asked too, so they must exist: here they come from their answers to the
        // previous revue (period 2022-2023), which the 2024 consolidation must ignore.
        var silent = cites.Where(c => !c.Responded).ToList();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "silencieuses.csv"),
            "territoire;periode;MATURITE\n" + string.Concat(silent.Select(c => $"{c.Code};2022-2023;1\n")));
        Assert.Equal(0, (await cli.RunAsync("import", "values", "-p", "revue-de-projet", "--create-territories", "silencieuses.csv")).ExitCode);
        var open = await cli.RunAsync(["campaign", "open", "revue-2024", "-p", "revue-de-projet", "--label", "Revue de projet 2024", "--period", RevueDeProjetCampaign.Period,
            "--opens", "02/05/2024", "--closes", "28/06/2024", "--expiry", "15", .. cites.SelectMany(c => new[] { "--territory", c.Code })]);
        Assert.True(open.ExitCode == 0, open.Output);

        var clock = Stopwatch.StartNew();
        var run = await cli.RunAsync("campaign", "consolidate", "revue-2024", "--format", "html,xlsx", "--out", "synthese");
        clock.Stop();
        output.WriteLine($"impacteval campaign consolidate (208 cités, process included): {clock.Elapsed.TotalSeconds:0.00} s\n{run.Output}");
        var unknown = await cli.RunAsync("campaign", "consolidate", "revue-2042");

        Assert.True(run.ExitCode == 0, run.Output);
        var responded = cites.Count(c => c.Responded);
        Assert.Contains($"Campagne « revue-2024 » consolidée : {responded} cité(s) ont répondu sur 208 interrogée(s), 16 question(s), tous les contrôles de cohérence concordent.", run.Output);
        var html = PlainHtml.Of(await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "synthese", "synthese-nationale.html")));
        Assert.Contains($"{responded} cités ont répondu sur 208 interrogées", html);
        Assert.Contains("Quelles fonctions composent l'instance de pilotage opérationnel de la cité ?", html);
        Assert.Contains("Question à choix multiples (les parts ne s'additionnent pas)", html);
        Assert.Contains("Cités interrogées : 208", html);
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "synthese", "synthese-nationale.xlsx")));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Aucune campagne « revue-2042 ».", unknown.Output);
        // Issue 15: the open data of the campaign, one row per cité × question answered, exactly the generated answers
        // (not the 2022-2023 ones of the silent cités), with its Frictionless schema.
        var openData = await cli.RunAsync("campaign", "opendata", "revue-2024", "--out", "donnees");
        Assert.True(openData.ExitCode == 0, openData.Output);
        var lines = await File.ReadAllLinesAsync(Path.Combine(cli.WorkingDirectory, "donnees", "revue-2024-donnees-ouvertes.csv"));
        Assert.Equal("campagne,periode,territoire,nom_territoire,question,libelle_question,question_choix_multiples,valeur,libelle_valeur", lines[0]);
        Assert.Equal(cites.Where(c => c.Responded).Sum(c => c.Answers.Count), lines.Length - 1);
        var first = cites.Where(c => c.Responded).OrderBy(c => c.Code, StringComparer.Ordinal).First();
        Assert.Equal(first.Answers.Count, lines.Count(l => l.Split(',')[2] == first.Code));
        using (var schema = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "donnees", "revue-2024-donnees-ouvertes.schema.json"))))
            Assert.Equal(lines[0].Split(','), schema.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Contains("revue-2024-donnees-ouvertes.csv (SHA-256", (await db.AuditEntries.SingleAsync(a => a.Subject.StartsWith("données ouvertes"))).Details);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ReportExportService.AuditAction && a.Subject.StartsWith("synthèse nationale"));
        Assert.StartsWith("synthèse nationale « synthese-nationale » de la campagne revue-2024", audit.Subject);
    }
}
