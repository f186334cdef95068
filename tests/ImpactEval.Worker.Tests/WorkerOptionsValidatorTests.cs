using Xunit;

namespace ImpactEval.Worker.Tests;

public class WorkerOptionsValidatorTests
{
    // An operator types the nightly schedule in crontab style (5 fields) and a shutdown timeout of zero: the
    // service must refuse to start and say, in French, which settings are wrong.
    [Fact]
    public void Validate_BadCronAndZeroTimeout_FailsNamingEachSetting()
    {
        var result = new WorkerOptionsValidator().Validate(null, new WorkerOptions { NightlyRecomputeCron = "30 2 * * *", ShutdownTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Worker:NightlyRecomputeCron n'est pas une expression cron Quartz valide", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Worker:ShutdownTimeout doit être une durée positive", StringComparison.Ordinal));
    }

    // The defaults are what "impacteval serve" runs with: they must be valid.
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new WorkerOptionsValidator().Validate(null, new WorkerOptions()).Succeeded);
}
