using Xunit;

namespace ImpactEval.Statistics.Tests.Descriptive;

public class GroupSampleTests
{
    // A long analysis table (one row per family, a cohort code per row) split into cohorts.
    [Fact]
    public void Split_CodesPerParticipant_GroupsInLabelOrder()
    {
        var groups = GroupSample.Split([1.0, 2.0, double.NaN, 4.0, 5.0], [2, 0, 0, 2, 0], ["BEN", "CRECHE", "ELOIGNE"]);

        Assert.Equal(["BEN", "CRECHE", "ELOIGNE"], groups.Select(g => g.Label));
        Assert.Equal([2.0, double.NaN, 5.0], groups[0].Values.ToArray());
        Assert.Equal(0, groups[1].Count);
        Assert.Equal([1.0, 4.0], groups[2].Values.ToArray());
        Assert.Equal(1, groups[0].MissingCount);
    }

    [Fact]
    public void Split_CodeOutOfRange_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => GroupSample.Split([1.0], [3], ["A", "B"]));

    [Fact]
    public void Split_LengthsDiffer_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => GroupSample.Split([1.0, 2.0], [0], ["A"]));
}
