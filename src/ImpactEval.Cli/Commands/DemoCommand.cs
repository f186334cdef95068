using System.CommandLine;
using ImpactEval.Analysis.Evaluability;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.Reporting;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval demo</c>: from nothing, creates the SQLite store, registers protocols/passerelles.yaml, generates
/// the seeded synthetic PasserelleS cohort as the CSV files a cité would send, imports them through the user
/// import path, computes the estimates, renders the report and prints a summary. Running it twice changes nothing
/// but the report's generation time.
/// </summary>
public static class DemoCommand
{
    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Dossier de sortie.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "passerelles")) };
        var protocolFile = new Option<FileInfo>("--protocol-file") { Description = "Protocole de démonstration.", DefaultValueFactory = _ => new FileInfo(DefaultProtocol()) };
        var seed = new Option<ulong>("--seed") { Description = "Graine des données synthétiques.", DefaultValueFactory = _ => PasserelleSCohort.DemoSeed };
        var command = new Command("demo", "Démonstration de bout en bout sur une cohorte PasserelleS synthétique (données fictives).") { output, protocolFile, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            var outDirectory = parse.GetValue(output)!;
            AnsiConsole.MarkupLine($"[bold]ImpactEval — démonstration PasserelleS[/] (données synthétiques, graine {parse.GetValue(seed)})");
            AnsiConsole.MarkupLine($"Base : {Markup.Escape(context.Store.Provider == StoreProvider.Sqlite ? Path.GetFullPath(Path.Combine(context.Store.DataDirectory, "impacteval.db")) : "PostgreSQL")}");
            await using var db = await context.OpenStoreAsync(cancellationToken);

            var registration = await new ProtocolRegistry(db).RegisterFileAsync(parse.GetValue(protocolFile)!.FullName, CliContext.Actor, EvaluabilityAssessment.Json, cancellationToken);
            if (ProtocolCommand.Report(registration, parse.GetValue(protocolFile)!.ToString()) != ExitCodes.Ok) return ExitCodes.InvalidInput;
            var (protocol, _) = (await new ProtocolRegistry(db).LoadCurrentAsync(registration.ProtocolCode!, cancellationToken))!.Value;

            var cohort = PasserelleSCohort.Generate(parse.GetValue(seed));
            var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(outDirectory.FullName, "donnees-synthetiques"));
            AnsiConsole.MarkupLine($"Cohorte synthétique : {cohort.Participants.Length} familles, 3 groupes, 8 écoles → {files.Count} fichiers CSV dans {Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetDirectoryName(files[0])!))}");

            var pseudonymiser = context.Pseudonymiser();
            var options = new ImportOptions(CliContext.Actor, Synthetic: true);
            await using (var stream = File.OpenRead(files[0]))
                if (ImportCommand.Report(await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(files[0]), options, cancellationToken), false) != ExitCodes.Ok)
                    return ExitCodes.Failure;
            foreach (var file in files.Skip(1))
            {
                await using var stream = File.OpenRead(file);
                if (ImportCommand.Report(await new ObservationImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(file), options, cancellationToken), false) != ExitCodes.Ok)
                    return ExitCodes.Failure;
            }

            // Estimates and report in one export (audited like any other); the estimates are reused when the data did not change.
            var export = await ReportCommand.ExportAsync(new ReportExportService(db),
                new ReportExport(protocol.Id, null, CommonOptions.AllFormats, outDirectory.FullName, PdfTimeout: context.Pdf.Timeout), cancellationToken);
            if (export is null) return ExitCodes.Failure;
            var computation = export.Computation;
            AnsiConsole.MarkupLine(computation.Reused ? "Estimations : données inchangées, résultats repris." : "Estimations calculées.");
            var truths = cohort.Truths.ToDictionary(t => (t.Indicator, t.Wave, t.Comparison), t => t.Effect);
            AnsiConsole.Write(EstimateCommand.ContrastTable(protocol, computation.Results,
                (indicator, wave, comparison) => truths.TryGetValue((indicator, wave, comparison), out var t) ? t : null));
            ReportCommand.Print(export);

            // The synthesis for the steering committee, from the same estimates (a few pages: HTML and PDF).
            var copil = await ReportCommand.ExportAsync(new ReportExportService(db),
                new ReportExport(protocol.Id, "synthese-copil", [ReportFormat.Html, ReportFormat.Pdf], outDirectory.FullName, PdfTimeout: context.Pdf.Timeout) { FileName = "synthese-copil" },
                cancellationToken, computation);
            if (copil is null) return ExitCodes.Failure;
            ReportCommand.Print(copil);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>protocols/passerelles.yaml from the working directory, else the copy shipped next to the binary.</summary>
    private static string DefaultProtocol()
    {
        var local = Path.Combine("protocols", "passerelles.yaml");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml");
    }
}
