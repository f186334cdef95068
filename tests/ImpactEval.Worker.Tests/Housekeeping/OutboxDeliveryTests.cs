using ImpactEval.Worker.Housekeeping;
using Xunit;

namespace ImpactEval.Worker.Tests.Housekeeping;

public class OutboxDeliveryTests
{
    // The cité's mail relay is down for an afternoon: attempts space out (1, 2, 4… minutes) up to one an hour,
    // so the relay is not hammered and the messages still leave once it is back.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(20, 60)]
    public void Backoff_AfterFailures_DoublesUpToAnHour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxDelivery.Backoff(attempts));
}
