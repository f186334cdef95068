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
    // jobs, and answers /health.
    [Fact]
    public async Task Serve_NoConfiguration_StartsOnSqliteAndSchedulesTheDemoProtocol()
    {
        var directory = Path.Combine(Path.GetTempPath(), "impacteval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "protocols"));
        File.Copy(DemoData.ProtocolPath(), Path.Combine(directory, "protocols", "passerelles.yaml"));
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
                    if (jobs.EnumerateArray().Any(j => j.GetProperty("key").GetString() == "reports.passerelles")) break;
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
            }
            Assert.True(File.Exists(Path.Combine(directory, "data", "impacteval.db")));
            Assert.True(File.Exists(Path.Combine(directory, "data", "scheduler.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
