using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>import [--rows N] [--runs R] [--format csv|xlsx] [--provider sqlite|postgresql] [--keep]</c>: imports a seeded
/// observation CSV (or, with <c>--format xlsx</c>, the same rows as an Excel workbook with shared strings) of N rows
/// (default 1,000,000) through <see cref="ObservationImporter"/> — the path users take — into R fresh stores (default 3)
/// and prints, for each of four cases, the median time, rows/s and the peak working set of the import alone: the
/// validation of the file alone (<c>--dry-run</c>, nothing written), a first import (bulk insert), the same file again (nothing changes) and a file with 1 % of values corrected (revisions). The
/// file is a national-scale monthly attendance follow-up: one row per pupil and month (10 monthly waves, so N/10
/// pupils), two count indicators. The first import of a CSV is compared with the raw loader of the store measured in
/// the same run on the same file: <c>sqlite3 .import</c>, or <c>psql \copy</c>.
/// </summary>
/// <remarks>
/// The store is a fresh SQLite file under $IMPACTEVAL_BENCH_DATA (default: a temporary directory), or, with
/// <c>--provider postgresql</c>, a fresh database on <see cref="BenchPostgres"/> (the server of $IMPACTEVAL_BENCH_POSTGRES,
/// else a throwaway cluster this process starts). Enrolment (N/10 pupils through <see cref="EnrolmentImporter"/>) is set-up, not measured.
/// </remarks>
public static class ImportScenario
{
    private const int Waves = 10;

    private static readonly string[] Cases = ["validation only (--dry-run)", "first import", "same file again (no change)", "1 % of values corrected"];

    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var rows = IntOption(args, "--rows", 1_000_000);
        var runs = IntOption(args, "--runs", 3);
        var provider = Option(args, "--provider")?.ToLowerInvariant() == "postgresql" ? StoreProvider.PostgreSql : StoreProvider.Sqlite;
        var xlsx = Option(args, "--format")?.ToLowerInvariant() == "xlsx";
        var root = Path.Combine(Environment.GetEnvironmentVariable("IMPACTEVAL_BENCH_DATA") ?? Path.GetTempPath(), $"impacteval-bench-{Environment.ProcessId}-import");
        Directory.CreateDirectory(root);
        try
        {
            var pupils = rows / Waves;
            var extension = xlsx ? "xlsx" : "csv";
            var file = Path.Combine(root, $"observations.{extension}");
            var corrected = Path.Combine(root, $"observations-corrigees.{extension}");
            var enrolments = Path.Combine(root, "inscriptions.csv");
            WriteEnrolments(enrolments, pupils);
            if (xlsx)
            {
                WriteObservationsXlsx(file, pupils, corrected: false);
                WriteObservationsXlsx(corrected, pupils, corrected: true);
            }
            else
            {
                WriteObservations(file, pupils, corrected: false);
                WriteObservations(corrected, pupils, corrected: true);
            }
            var name = provider == StoreProvider.Sqlite ? "sqlite" : "postgresql";
            var data = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows × 2 indicators, {(xlsx ? "XLSX" : "CSV")} {new FileInfo(file).Length / 1e6:F1} MB");
            Console.WriteLine($"data: {data} ({Waves} monthly waves, {pupils:N0} pupils), store {(provider == StoreProvider.Sqlite ? "SQLite (WAL)" : "PostgreSQL")}, {runs} fresh stores");

            var seconds = Cases.Select(_ => new List<double>()).ToArray();
            var peaks = new double[Cases.Length];
            for (var run = 0; run < runs; run++)
            {
                var measured = InFreshStore(provider, Path.Combine(root, $"store-{run}"), options => RunAsync(options, enrolments, [file, file, file, corrected], pupils));
                for (var c = 0; c < Cases.Length; c++)
                {
                    seconds[c].Add(measured[c].Seconds);
                    peaks[c] = Math.Max(peaks[c], measured[c].PeakMiB);
                }
            }
            Reference? reference = null;
            if (!xlsx)
            {
                var times = Enumerable.Range(0, runs)
                    .Select(_ => provider == StoreProvider.Sqlite ? ReferenceTools.SqliteImport(file, root) : ReferenceTools.PsqlCopy(file, 5))
                    .ToList();
                if (times.All(t => t is not null))
                    reference = new Reference(provider == StoreProvider.Sqlite ? "sqlite3 .import (raw text table)" : "psql \\copy (raw text table)", Figures.Median(times.Select(t => t!.Value).ToList()), rows);
            }
            for (var c = 0; c < Cases.Length; c++)
                Figures.Add(new Figure($"import {name}: {Cases[c]}", data, seconds[c], rows, peaks[c], c == 1 ? reference : null));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (!args.Contains("--keep")) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="run"/> on a fresh store: a SQLite file in <paramref name="directory"/>, or a new PostgreSQL database dropped afterwards.</summary>
    private static T InFreshStore<T>(StoreProvider provider, string directory, Func<StoreOptions, Task<T>> run)
    {
        Directory.CreateDirectory(directory);
        var options = new StoreOptions { Provider = provider, DataDirectory = directory };
        string? database = null;
        var admin = provider == StoreProvider.PostgreSql ? BenchPostgres.AdminConnectionString : null;
        try
        {
            if (admin is not null)
            {
                database = $"impacteval_bench_{Environment.ProcessId}";
                BenchPostgres.Admin(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                BenchPostgres.Admin(admin, $"CREATE DATABASE {database}");
                options.ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            }
            return run(options).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (database is not null) BenchPostgres.Admin(admin!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(double Seconds, double PeakMiB)[]> RunAsync(StoreOptions options, string enrolments, string[] files, int pupils)
    {
        await using var db = await Store.OpenCurrentAsync(options);
        var loaded = ProtocolLoader.Load(ProtocolYaml, "bench-assiduite.yaml");
        var registration = await new ProtocolRegistry(db).RegisterAsync(loaded, "bench-assiduite.yaml", "bench");
        if (registration.Status != RegistrationStatus.Created) throw new InvalidOperationException($"{registration.Status}: {string.Join("; ", loaded.Problems)}");
        var protocol = loaded.Protocol!;
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));
        await using (var stream = File.OpenRead(enrolments))
            Check(await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, stream, "inscriptions.csv", new ImportOptions("bench")));

        var importer = new ObservationImporter(db, pseudonymiser);
        var measured = new (double, double)[files.Length];
        for (var c = 0; c < files.Length; c++)
        {
            db.ChangeTracker.Clear();
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            ResetPeak();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            ImportResult result;
            await using (var stream = File.OpenRead(files[c])) result = await importer.ImportAsync(protocol, stream, Path.GetFileName(files[c]), new ImportOptions("bench", DryRun: c == 0));
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Check(result);
            measured[c] = (watch.Elapsed.TotalSeconds, Machine.PeakWorkingSetMiB());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Cases[c]}: {result.Rows:N0} rows in {watch.Elapsed.TotalSeconds:F2} s = {result.Rows / watch.Elapsed.TotalSeconds:N0} rows/s (CPU {cpu.TotalSeconds:F2} s); " +
                $"inserted {result.Inserted:N0}, updated {result.Updated:N0}, unchanged {result.Unchanged:N0}; peak working set {measured[c].Item2:F0} MiB"));
        }
        var stored = await db.Observations.CountAsync();
        var revisions = await db.ObservationRevisions.CountAsync();
        Console.WriteLine($"store: {stored:N0} observations, {revisions:N0} revisions ({pupils:N0} pupils)");
        return measured;
    }

    /// <summary>Resets the kernel's peak resident set (Linux ≥ 4.0) so that the next reading covers the import alone.</summary>
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Console.WriteLine("(peak working set not reset: covers the whole run)"); }
    }

    private static void WriteEnrolments(string path, int pupils)
    {
        var random = new Random(20251122);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.WriteLine("identifiant;groupe;date_inscription");
        for (var p = 1; p <= pupils; p++)
            writer.WriteLine($"E{p:0000000};{(random.NextDouble() < 0.4 ? "SUIVI" : "TEMOIN")};{1 + random.Next(28):00}/09/2025");
    }

    /// <summary>One generated observation row: pupil number, wave number, collection date, absences, late arrivals (null when empty).</summary>
    private readonly record struct Observation(int Pupil, int Wave, DateOnly Date, int Absences, int? Late);

    private static IEnumerable<Observation> Observations(int pupils, bool corrected)
    {
        var random = new Random(20251123);
        var fix = new Random(7);
        for (var w = 1; w <= Waves; w++)
        {
            var due = new DateOnly(2025, 9, 30).AddMonths(w - 1);
            for (var p = 1; p <= pupils; p++)
            {
                var date = due.AddDays(random.Next(-3, 12));
                var absences = random.Next(0, 13);
                var late = random.Next(0, 9);
                var empty = random.NextDouble() < 0.02;
                if (corrected && fix.NextDouble() < 0.01) absences = (absences + 1) % 13;
                yield return new Observation(p, w, date, absences, empty ? null : late);
            }
        }
    }

    internal static void WriteObservations(string path, int pupils, bool corrected)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.WriteLine("identifiant;vague;date_collecte;ABSENCES;RETARDS");
        foreach (var o in Observations(pupils, corrected))
            writer.Write($"E{o.Pupil:0000000};M{o.Wave:00};{o.Date:dd/MM/yyyy};{o.Absences};{o.Late?.ToString(CultureInfo.InvariantCulture)}\n");
    }

    /// <summary>
    /// The same rows as an Excel workbook, stored the way Excel stores them: identifiers and wave codes as shared strings,
    /// counts as numbers, dates as serial numbers with a date format; written with the SAX writer, streaming.
    /// </summary>
    private static void WriteObservationsXlsx(string path, int pupils, bool corrected)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()), new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var row = 1;
            Row(writer, row, new[] { "identifiant", "vague", "date_collecte", "ABSENCES", "RETARDS" }.Select((h, i) => Text(i, row, Header + i)));
            foreach (var o in Observations(pupils, corrected))
            {
                row++;
                var cells = new List<Cell>
                {
                    Text(0, row, Header + 5 + o.Pupil - 1), Text(1, row, Header + 5 + pupils + o.Wave - 1),
                    new() { CellReference = Reference(2, row), StyleIndex = 1, CellValue = new CellValue(o.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
                    new() { CellReference = Reference(3, row), CellValue = new CellValue(o.Absences.ToString(CultureInfo.InvariantCulture)) },
                };
                if (o.Late is { } late) cells.Add(new Cell { CellReference = Reference(4, row), CellValue = new CellValue(late.ToString(CultureInfo.InvariantCulture)) });
                Row(writer, row, cells);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        using (var writer = OpenXmlWriter.Create(workbook.AddNewPart<SharedStringTablePart>()))
        {
            writer.WriteStartElement(new SharedStringTable());
            var texts = new[] { "identifiant", "vague", "date_collecte", "ABSENCES", "RETARDS" }
                .Concat(Enumerable.Range(1, pupils).Select(p => $"E{p:0000000}")).Concat(Enumerable.Range(1, Waves).Select(w => $"M{w:00}"));
            foreach (var text in texts) writer.WriteElement(new SharedStringItem(new Text(text)));
            writer.WriteEndElement();
        }
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Assiduité" }));
    }

    /// <summary>Shared-string index of the first header (headers, then identifiers, then wave codes).</summary>
    private const int Header = 0;

    private static Cell Text(int column, int row, int sharedIndex) =>
        new() { CellReference = Reference(column, row), DataType = CellValues.SharedString, CellValue = new CellValue(sharedIndex.ToString(CultureInfo.InvariantCulture)) };

    private static string Reference(int column, int row) => $"{(char)('A' + column)}{row}";

    private static void Row(OpenXmlWriter writer, int number, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        foreach (var cell in cells) writer.WriteElement(cell);
        writer.WriteEndElement();
    }

    /// <summary>The benchmark protocol (monthly attendance follow-up).</summary>
    internal static readonly string ProtocolYaml = $$"""
        id: bench-assiduite
        title: "Suivi mensuel de l'assiduité des élèves repérés (banc d'essai, données synthétiques)"
        territory: { code: CE-000-99, name: "Cité éducative fictive du banc d'essai" }
        indicators:
          - code: ABSENCES
            label: "Demi-journées d'absence dans le mois"
            level: resultat
            type: count
            unit: "demi-journées"
            range: { min: 0, max: 60 }
            direction: lower_is_better
            waves: [{{string.Join(", ", Enumerable.Range(1, Waves).Select(w => $"M{w:00}"))}}]
          - code: RETARDS
            label: "Retards dans le mois"
            level: resultat
            type: count
            range: { min: 0, max: 60 }
            direction: lower_is_better
            waves: [{{string.Join(", ", Enumerable.Range(1, Waves).Select(w => $"M{w:00}"))}}]
        groups:
          - { code: SUIVI, label: "Élèves suivis par le dispositif", role: focal }
          - { code: TEMOIN, label: "Élèves repérés non suivis", role: comparison }
        waves:
        {{string.Join("\n", Enumerable.Range(1, Waves).Select(w => $"  - {{ code: M{w:00}, label: \"Mois {w}\", date: {new DateOnly(2025, 9, 30).AddMonths(w - 1):yyyy-MM-dd}, window: {{ before: 5, after: 20 }} }}"))}}
        """;
}
