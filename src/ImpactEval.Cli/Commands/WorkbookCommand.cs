using System.CommandLine;
using System.Globalization;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval workbook</c>: generates the workbooks people fill in, each ready to be imported back.
/// <list type="bullet">
/// <item><c>--wave W --roster FILE --out DIR</c>: one collection workbook per school and respondent
/// (<see cref="CollectionWorkbookSet"/>), each with that school's participants and that respondent's columns;
/// <c>--school</c> and <c>--respondent</c> restrict the set.</item>
/// <item><c>--wave W --out FILE.xlsx [--roster FILE] [--school S] [--respondent R]</c>: one workbook.</item>
/// <item><c>--wave W --returns</c>: which workbooks of the wave came back (values owed and received).</item>
/// <item><c>--enrolment --out FILE.xlsx</c>: the enrolment template (<see cref="EnrolmentWorkbook"/>).</item>
/// <item><c>--campaign CODE --out FILE.xlsx</c>: the workbook of an aggregated-values campaign (<see cref="ValuesWorkbook"/>).</item>
/// </list>
/// ImpactEval keeps only pseudonyms, so the identifiers to print come from a file the cité holds (e.g. its enrolment
/// file: its "identifiant" column is used).
/// </summary>
public static class WorkbookCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var protocol = new Option<string?>("--protocol", "-p") { Description = "Identifiant du protocole enregistré (par exemple passerelles).", HelpName = "ID" };
        var wave = new Option<string?>("--wave", "-w") { Description = "Code de la vague (classeurs de collecte)." };
        var output = new Option<string?>("--out", "-o") { Description = "Classeur .xlsx à écrire, ou dossier où écrire un classeur par école et par répondant." };
        var roster = new Option<FileInfo?>("--roster") { Description = "Fichier (CSV ou XLSX) dont la colonne « identifiant » donne la liste des participants (le fichier d'inscription de la cité)." };
        var school = new Option<string?>("--school") { Description = "Code de l'école : seulement le classeur de cette école." };
        var respondent = new Option<string?>("--respondent") { Description = "Répondant (par exemple enseignant) : seulement les indicateurs qu'il renseigne." };
        var returns = new Option<bool>("--returns") { Description = "Affiche les classeurs de la vague revenus et attendus (valeurs reçues sur valeurs dues)." };
        var enrolment = new Option<bool>("--enrolment") { Description = "Génère le modèle de fichier d'inscription du protocole." };
        var campaign = new Option<string?>("--campaign") { Description = "Code d'une campagne de valeurs agrégées : génère son classeur de réponse (une ligne par territoire)." };
        var command = new Command("workbook", "Génère les classeurs à remplir : collecte d'une vague (un par école et par répondant), modèle d'inscription, réponse à une campagne.")
        {
            protocol, wave, output, roster, school, respondent, returns, enrolment, campaign,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var outPath = parse.GetValue(output);
            if (parse.GetValue(campaign) is { } campaignCode)
                return await CampaignWorkbookAsync(db, campaignCode, outPath, cancellationToken);
            if (parse.GetValue(protocol) is not { } protocolCode)
                return Fail("Indiquez le protocole (--protocol ID) ou la campagne (--campaign CODE).");
            var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
            if (current is null) return Fail($"Aucun protocole « {protocolCode} » n'est enregistré.");
            var model = current.Value.Protocol;
            try
            {
                if (parse.GetValue(enrolment))
                {
                    if (outPath is null) return Fail("Indiquez le fichier à écrire (--out modele-inscription.xlsx).");
                    var path = Path.GetFullPath(outPath);
                    EnrolmentWorkbook.WriteFile(model, path);
                    AnsiConsole.MarkupLine($"[green]✓[/] Modèle d'inscription écrit : {Markup.Escape(path)}. Remplissez la feuille « {EnrolmentWorkbook.SheetName} », puis : impacteval enrol -p {Markup.Escape(model.Id)} {Markup.Escape(Path.GetFileName(path))}");
                    return ExitCodes.Ok;
                }
                if (parse.GetValue(wave) is not { } waveCode) return Fail("Indiquez la vague (--wave), le modèle d'inscription (--enrolment) ou une campagne (--campaign).");
                if (model.FindWave(waveCode) is not { } found)
                    return Fail($"La vague « {waveCode} » n'existe pas dans le protocole. Vagues : {string.Join(", ", model.Waves.Select(w => w.Code))}.");
                var scope = new WorkbookScope(parse.GetValue(school), parse.GetValue(respondent));
                if (parse.GetValue(returns)) return await ReturnsAsync(db, model, found, cancellationToken);
                if (outPath is null) return Fail("Indiquez où écrire (--out FICHIER.xlsx pour un classeur, --out DOSSIER pour un classeur par école et par répondant).");
                var rosterFile = parse.GetValue(roster);
                var exit = outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                    ? await OneAsync(context, db, model, found, scope, rosterFile, Path.GetFullPath(outPath), cancellationToken)
                    : await SetAsync(context, db, model, found, scope, rosterFile, Path.GetFullPath(outPath), cancellationToken);
                if (exit == ExitCodes.Ok) VerdictOutput.Print(model, $"protocole {model.Id}", brief: true);
                return exit;
            }
            catch (ArgumentException e)
            {
                return Fail(ErrorText.Of(e));
            }
        });
        return command;
    }

    // One workbook. Without school nor respondent, the roster's identifiers are printed as they are (anyone the cité
    // lists); with one, only those the store says the wave is owed for in that school and by that respondent.
    private static async Task<int> OneAsync(CliContext context, ImpactEvalDbContext db, Protocol protocol, Wave wave, WorkbookScope scope, FileInfo? rosterFile, string path,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> identifiers = [];
        if (rosterFile is not null)
        {
            var problems = new List<ImportProblem>();
            if (scope == WorkbookScope.Whole) identifiers = RosterFile.ReadIdentifiers(rosterFile.FullName, problems);
            else if (await OwedAsync(context, db, protocol, wave, rosterFile, problems, cancellationToken) is { } owed)
                identifiers = CollectionWorkbookSet.Listed(protocol, wave, owed, scope);
            if (problems.Count > 0) return Refused(problems);
        }
        CollectionWorkbook.WriteFile(protocol, wave.Code, scope, identifiers, path);
        AnsiConsole.MarkupLine($"[green]✓[/] Classeur écrit : {Markup.Escape(path)} ({identifiers.Count} participants attendus).");
        return ExitCodes.Ok;
    }

    private static async Task<int> SetAsync(CliContext context, ImpactEvalDbContext db, Protocol protocol, Wave wave, WorkbookScope scope, FileInfo? rosterFile, string directory,
        CancellationToken cancellationToken)
    {
        if (rosterFile is null)
            return Fail("Pour un classeur par école et par répondant, donnez la liste des participants (--roster, par exemple le fichier d'inscription) : ImpactEval ne conserve pas les identifiants.");
        var problems = new List<ImportProblem>();
        var owed = await OwedAsync(context, db, protocol, wave, rosterFile, problems, cancellationToken);
        if (owed is null) return Refused(problems);
        var plan = CollectionWorkbookSet.Plan(protocol, wave, owed, scope);
        if (plan.Count == 0) return Fail($"Aucun participant de la liste n'est attendu à la vague {wave.Code}" + (scope == WorkbookScope.Whole ? "." : " pour cette école et ce répondant."));
        Directory.CreateDirectory(directory);
        foreach (var workbook in plan)
            CollectionWorkbook.WriteFile(protocol, wave.Code, workbook.Scope, workbook.Identifiers, Path.Combine(directory, workbook.FileName));
        AnsiConsole.MarkupLine($"[green]✓[/] {plan.Count} classeur(s) de la vague {Markup.Escape(wave.Code)} écrit(s) dans {Markup.Escape(directory)} :");
        foreach (var workbook in plan)
            AnsiConsole.MarkupLine($"  {Markup.Escape(workbook.FileName)} : {workbook.Identifiers.Count} participant(s)");
        var listed = plan.SelectMany(w => w.Identifiers).ToHashSet(StringComparer.Ordinal);
        var skipped = owed.Count(p => !listed.Contains(p.Identifier));
        if (skipped > 0) AnsiConsole.MarkupLine($"[grey]{skipped} participant(s) de la liste sans classeur (hors de l'école ou du répondant choisis).[/]");
        AnsiConsole.MarkupLine("[grey]Ces classeurs contiennent des identifiants : transmettez-les par un canal sécurisé. Suivi des retours : impacteval workbook --returns.[/]");
        return ExitCodes.Ok;
    }

    private static async Task<IReadOnlyList<ExpectedParticipant>?> OwedAsync(CliContext context, ImpactEvalDbContext db, Protocol protocol, Wave wave, FileInfo rosterFile,
        List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (RosterFile.Read(rosterFile.FullName, problems) is not { } roster) return null;
        var owed = await new WorkbookRoster(db, context.Pseudonymiser()).LoadAsync(protocol.Id, wave.Code, roster, CollectionOptions.Today, problems, cancellationToken);
        return problems.Count > 0 ? null : owed;
    }

    private static async Task<int> ReturnsAsync(ImpactEvalDbContext db, Protocol protocol, Wave wave, CancellationToken cancellationToken)
    {
        var returns = await new WorkbookReturns(db).GetAsync(protocol, wave, CollectionOptions.Today, cancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Classeurs de la vague {Markup.Escape(wave.Code)} : {returns.Count(r => r.Complete)} reçu(s), {returns.Count(r => !r.Complete && !r.Missing)} partiel(s), {returns.Count(r => r.Missing)} attendu(s)");
        table.AddColumns("École", "Répondant", "Participants", "Valeurs dues", "Valeurs reçues", "État");
        foreach (var r in returns)
            table.AddRow([.. new[] { r.Scope.School ?? "", r.Scope.Respondent ?? "", FrenchNumber.Count(r.Participants), FrenchNumber.Count(r.Expected), FrenchNumber.Count(r.Received), r.StateLabel }.Select(Markup.Escape)]);
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> CampaignWorkbookAsync(ImpactEvalDbContext db, string code, string? outPath, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Territories).SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null) return Fail($"Aucune campagne « {code} ».");
        if (campaign.PeriodLabel is not { } period)
            return Fail($"La campagne « {code} » recueille une vague de suivi, pas des valeurs agrégées : générez ses classeurs avec --protocol et --wave.");
        if (outPath is null) return Fail("Indiquez le fichier à écrire (--out reponses.xlsx).");
        var protocolCode = await db.Protocols.Where(p => p.Id == campaign.ProtocolId).Select(p => p.Code).SingleAsync(cancellationToken);
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken))!.Value.Protocol;
        var asked = campaign.Territories.Select(t => t.TerritoryId).ToList();
        var territories = await db.Territories.AsNoTracking().Where(t => asked.Contains(t.Id)).OrderBy(t => t.Code).Select(t => new ValuesRow(t.Code, t.Name)).ToListAsync(cancellationToken);
        var codes = campaign.IndicatorCodes?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var indicators = protocol.Indicators.Where(i => codes is null || codes.Contains(i.Code)).ToList();
        var path = Path.GetFullPath(outPath);
        try
        {
            ValuesWorkbook.WriteFile(protocol, campaign.Label, period, territories, indicators, path);
        }
        catch (ArgumentException e)
        {
            return Fail(ErrorText.Of(e));
        }
        AnsiConsole.MarkupLine($"[green]✓[/] Classeur de la campagne « {Markup.Escape(code)} » écrit : {Markup.Escape(path)} ({territories.Count} territoire(s), {indicators.Count} question(s)). Import : impacteval import values -p {Markup.Escape(protocolCode)} {Markup.Escape(Path.GetFileName(path))}");
        return ExitCodes.Ok;
    }

    private static int Refused(List<ImportProblem> problems)
    {
        foreach (var problem in problems) AnsiConsole.MarkupLine($"[red]-[/] {Markup.Escape(problem.ToString())}");
        return ExitCodes.InvalidInput;
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(message)}");
        return ExitCodes.InvalidInput;
    }

}
