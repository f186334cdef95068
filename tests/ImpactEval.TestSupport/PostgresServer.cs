using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ImpactEval.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests. When IMPACTEVAL_TEST_POSTGRES holds a connection string (a role
/// that may create databases), that server is used; otherwise a throwaway cluster is created with the
/// machine's PostgreSQL binaries (Debian package "postgresql") in a temporary directory on a free port,
/// once per test process, and destroyed when the process exits.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of the maintenance database ("postgres") of the test server.</summary>
    public static string AdminConnectionString => Server.Value;

    private static string StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable("IMPACTEVAL_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                "PostgreSQL est introuvable : installez le paquet Debian « postgresql » (voir .ci/run) ou définissez IMPACTEVAL_TEST_POSTGRES.");

        var port = FreePort();
        var root = Path.Combine(Path.GetTempPath(), $"impacteval-pg-{Environment.ProcessId}-{port}");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["postgres", root]);
        var data = Path.Combine(root, "data");
        RunPostgres(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
        RunPostgres(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPostgres(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
                Directory.Delete(root, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit: a leftover temporary directory is harmless.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunPostgres(bool asRoot, string program, string[] arguments)
    {
        if (asRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} a échoué ({process.ExitCode}) : {error}{output.Result}");
    }
}
