using System.Diagnostics;
using System.Globalization;

namespace ImpactEval.Benchmarks;

/// <summary>
/// The reference tools a figure is compared with, run in the same process on the same data when they are installed:
/// <c>sqlite3 .import</c>, <c>psql \copy</c>, Python with NumPy, Rscript. Each returns null (and says so) when absent.
/// </summary>
public static class ReferenceTools
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Seconds for <c>sqlite3 .import</c> of the raw <c>;</c>-separated file into a new table of a fresh database file
    /// (text columns, no index: the loader's own speed), or null when sqlite3 is absent.
    /// </summary>
    public static double? SqliteImport(string csv, string directory)
    {
        var sqlite3 = FindOnPath("sqlite3");
        if (sqlite3 is null) return Absent("sqlite3");
        var database = Path.Combine(directory, $"reference-{Guid.NewGuid():N}.db");
        try
        {
            return Timed(sqlite3, [database], $".mode csv\n.separator ;\n.import '{csv}' raw\n");
        }
        finally
        {
            File.Delete(database);
        }
    }

    /// <summary>
    /// Seconds for <c>psql \copy</c> of the raw file (CSV, header) into a new table of text columns in a throwaway
    /// database of the benchmark server, or null when psql is absent.
    /// </summary>
    public static double? PsqlCopy(string csv, int columns)
    {
        var psql = FindOnPath("psql");
        if (psql is null) return Absent("psql");
        var admin = BenchPostgres.AdminConnectionString;
        var database = $"impacteval_reference_{Environment.ProcessId}";
        BenchPostgres.Admin(admin, $"DROP DATABASE IF EXISTS {database}");
        BenchPostgres.Admin(admin, $"CREATE DATABASE {database}");
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database };
            BenchPostgres.Admin(builder.ConnectionString, $"CREATE TABLE raw ({string.Join(", ", Enumerable.Range(1, columns).Select(c => $"c{c} text"))})");
            var uri = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{database}";
            return Timed(psql, [uri, "-q", "-v", "ON_ERROR_STOP=1", "-c", $"\\copy raw FROM '{csv}' WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'UTF8')"], null);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            BenchPostgres.Admin(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>A python3 on PATH (or /usr/bin/python3) that imports NumPy, or null.</summary>
    public static string? PythonWithNumpy()
    {
        foreach (var candidate in new[] { FindOnPath("python3"), "/usr/bin/python3" }.OfType<string>().Where(File.Exists).Distinct())
        {
            try
            {
                var (code, _, _) = Run(candidate, ["-c", "import numpy"], null);
                if (code == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not runnable: try the next one.
            }
        }
        return null;
    }

    /// <summary>Runs a program to completion and returns its exit code, standard output and standard error.</summary>
    public static (int Code, string Output, string Error) Run(string program, IEnumerable<string> arguments, string? input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static double Timed(string program, IEnumerable<string> arguments, string? input)
    {
        var watch = Stopwatch.StartNew();
        var (code, output, error) = Run(program, arguments, input);
        watch.Stop();
        if (code != 0) throw new InvalidOperationException($"{program} failed ({code}): {error}{output}");
        return watch.Elapsed.TotalSeconds;
    }

    private static double? Absent(string tool)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference: {tool} not found on PATH; no ratio for this figure."));
        return null;
    }
}
