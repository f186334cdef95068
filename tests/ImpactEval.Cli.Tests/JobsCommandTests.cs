using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class JobsCommandTests
{
    // The operator got an e-mail about a failed recomputation and looks at the history from a terminal, with the
    // service stopped: the failure, its error and its attempts are listed, in French, newest first.
    [Fact]
    public async Task Jobs_FailedFilter_ListsTheFailureWithItsError()
    {
        using var cli = new CliRunner();
        await using (var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory }))
        {
            var at = new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);
            JobRun Run(JobRunState state, int attempt) => new()
            {
                JobGroup = "recompute", JobName = "passerelles", Trigger = "recompute.passerelles.nightly", FireInstanceId = $"f{attempt}", Node = "serveur-1",
                ScheduledAt = at, StartedAt = at.AddMinutes(attempt), EndedAt = at.AddMinutes(attempt).AddSeconds(2), Status = state, Attempt = attempt,
                Error = "Base de données injoignable",
            };
            db.JobRuns.AddRange(Run(JobRunState.Retrying, 0), Run(JobRunState.Retrying, 1), Run(JobRunState.Failed, 2));
            await db.SaveChangesAsync();
        }

        var failed = await cli.RunAsync("jobs", "--job", "recompute.passerelles", "--status", "echec");
        var unknown = await cli.RunAsync("jobs", "--status", "perdu");

        Assert.Equal(0, failed.ExitCode);
        Assert.Contains("échec définitif (essai 3)", failed.Output);
        Assert.Contains("Base de données injoignable", failed.Output);
        Assert.Contains("02/03/2026 02:30:00", failed.Output); // Paris time
        Assert.DoesNotContain("nouvelle tentative", failed.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Statut inconnu « perdu »", unknown.Output);
    }
}
