using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Xunit;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary><c>impacteval serve</c> started as a user would, with no configuration.</summary>
[Collection(ProcessCollection.Name)]
public class ServeTests
{
    // A CPO tries the service on a fresh copy of the repository: "impacteval serve" with no configuration starts on
    // SQLite under ./data, registers the demo protocol of ./protocols, schedules its jobs (recomputation, report) and the campaign
    // jobs, and answers /health. Its API asks for a key: the first start wrote an administrator key readable by its system
    // account only, which the command line in the same directory uses by itself.
    [Fact]
    public async Task Serve_NoConfiguration_StartsOnSqliteAndSchedulesTheDemoProtocol()
    {
        var directory = Path.Combine(Path.GetTempPath(), "impacteval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "protocols"));
        File.Copy(DemoData.ProtocolPath(), Path.Combine(directory, "protocols", "passerelles.yaml"));
        string? administratorKey;
        try
        {
            await using (var serve = WorkerProcess.StartUnconfigured("serve", directory))
            {
                await serve.WaitHealthyAsync(TimeSpan.FromSeconds(60));
                using var http = serve.Http();
                using var health = await http.GetAsync("health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.Contains("\"Healthy\"", await health.Content.ReadAsStringAsync());

                JsonElement jobs = default;
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    jobs = JsonDocument.Parse(await http.GetStringAsync("api/jobs")).RootElement;
                    if (jobs.EnumerateArray().Any(j => j.GetProperty("key").GetString() == "reports.passerelles" && j.GetProperty("triggers").GetArrayLength() > 0)) break;
                    await Task.Delay(200);
                }
                var recompute = jobs.EnumerateArray().Single(j => j.GetProperty("key").GetString() == "recompute.passerelles");
                var nightly = recompute.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "recompute.passerelles.nightly");
                Assert.Equal("Normal", nightly.GetProperty("state").GetString());
                Assert.True(recompute.GetProperty("requestsRecovery").GetBoolean());
                var report = jobs.EnumerateArray().Single(j => j.GetProperty("key").GetString() == "reports.passerelles");
                Assert.Equal("Normal", report.GetProperty("triggers").EnumerateArray().Single().GetProperty("state").GetString());
                var keys = jobs.EnumerateArray().Select(j => j.GetProperty("key").GetString()).ToList();
                Assert.Contains("campaigns.lifecycle", keys);
                Assert.Contains("campaigns.reminders-zone-c", keys);

                // The API needs a key; on this first start the service wrote an administrator key that only this system
                // account may read, and "impacteval jobs scheduled" in the same directory finds it by itself.
                administratorKey = serve.AdministratorKey;
                Assert.NotNull(administratorKey);
                if (!OperatingSystem.IsWindows())
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "data", "admin-api.key")));
                using var anonymous = new HttpClient { BaseAddress = serve.Url };
                using var refused = await anonymous.GetAsync("api/jobs");
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health")).StatusCode);
                var protocols = JsonDocument.Parse(await http.GetStringAsync("api/protocols")).RootElement;
                Assert.Equal("passerelles", protocols.EnumerateArray().Single().GetProperty("id").GetString());

                var scheduled = await RunCliAsync(directory, null, "jobs", "scheduled", "--url", serve.Url.ToString());
                Assert.True(scheduled.ExitCode == 0, scheduled.Output);
                Assert.Contains("recompute.passerelles", scheduled.Output);
                var wrongKey = await RunCliAsync(directory, "ie_0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "jobs", "trigger", "recompute.passerelles", "--url", serve.Url.ToString());
                Assert.Equal(2, wrongKey.ExitCode);
                Assert.Contains("Cette clé d'API est inconnue ou a été révoquée.", wrongKey.Output);
            }
            Assert.True(File.Exists(Path.Combine(directory, "data", "impacteval.db")));
            // Every file the service keeps in its data directory — the store, Hangfire's own SQLite file beside it (their WAL
            // and shared-memory files take their mode), the keys, the single-node lock — is readable by the service
            // account only (break 13 of issue 10).
            if (!OperatingSystem.IsWindows())
            {
                var files = Directory.GetFiles(Path.Combine(directory, "data"));
                Assert.Contains(files, f => Path.GetFileName(f) == "worker.lock");
                Assert.Contains(files, f => Path.GetFileName(f) == "hangfire.db");
                foreach (var file in files)
                    Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)}: {File.GetUnixFileMode(file)}");
            }
            Assert.True(File.Exists(Path.Combine(directory, "data", "hangfire.db")));

            // The store keeps the key's public identifier and hash, never the key.
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "data", "impacteval.db")}");
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT Name, Role, KeyId, hex(KeyHash), CreatedBy FROM accounts";
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("administrateur-local", "Administrator"), (reader.GetString(0), reader.GetString(1)));
            Assert.Equal(administratorKey![..administratorKey.IndexOf('.')], reader.GetString(2));
            var secret = System.Buffers.Text.Base64Url.DecodeFromChars(administratorKey.AsSpan(administratorKey.IndexOf('.') + 1));
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(secret)), reader.GetString(3));
            Assert.False(await reader.ReadAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Runs the impacteval command line in <paramref name="directory"/>, with $IMPACTEVAL_API_KEY set when a key is given.</summary>
    private static async Task<(int ExitCode, string Output)> RunCliAsync(string directory, string? key, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.CliDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IMPACTEVAL_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        if (key is not null) start.Environment["IMPACTEVAL_API_KEY"] = key;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
