using Xunit;

namespace ImpactEval.Worker.Tests;

public class WorkerOptionsValidatorTests
{
    // An operator forgets a field of the nightly schedule ("30 2 * *": no day of week), writes a reminder hour that
    // does not exist and sets a shutdown timeout of zero: the service must refuse to start and say, in French, which
    // settings are wrong.
    [Fact]
    public void Validate_BadCronAndZeroTimeout_FailsNamingEachSetting()
    {
        var result = new WorkerOptionsValidator().Validate(null,
            new WorkerOptions { NightlyRecomputeCron = "30 2 * *", ReminderCron = "0 25 * * 1-5", ShutdownTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Worker:NightlyRecomputeCron n’est pas une expression cron valide : « 30 2 * * »", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Worker:ReminderCron n’est pas une expression cron valide", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Worker:ShutdownTimeout doit être une durée positive", StringComparison.Ordinal));
    }

    // The defaults are what "impacteval serve" runs with: they must be valid.
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new WorkerOptionsValidator().Validate(null, new WorkerOptions()).Succeeded);

    // Quartz-style expressions of earlier configurations (seconds first, "?") are still read.
    [Fact]
    public void Validate_QuartzStyleCronWithSeconds_Succeeds() =>
        Assert.True(new WorkerOptionsValidator().Validate(null, new WorkerOptions { NightlyRecomputeCron = "0 30 2 * * ?", ReportCron = "0 0 6 ? * MON" }).Succeeded);
}
