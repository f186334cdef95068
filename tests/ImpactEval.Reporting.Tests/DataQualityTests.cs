using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests;

public class DataQualityTests
{
    // The demo's session counts and satisfaction apply to beneficiary families only (groups: [BEN]): the data-quality
    // annex counts a value as missing only where it was due (indicator × wave × group), so its rate equals the
    // due-but-absent values of the synthetic cohort, counted here from the cohort itself (about 11 %, not 20,8 %).
    [Fact]
    public async Task Build_Demo_MissingRateIsDueButAbsentValues()
    {
        var demo = await Demo.GetAsync();
        int due = 0, absent = 0;
        foreach (var family in demo.Cohort.Participants)
        foreach (var indicator in demo.Protocol.Indicators.Where(i => i.AppliesTo(family.Group)))
        foreach (var wave in indicator.WaveCodes)
        {
            due++;
            if (!(family.Waves.TryGetValue(wave, out var record) && record.Values.ContainsKey(indicator.Code))) absent++;
        }

        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, DateTimeOffset.UnixEpoch));

        var rate = (double)absent / due;
        Assert.InRange(rate, 0.10, 0.12);
        Assert.Contains(model.DataQuality.Notes, n => n.Contains($"{French.Percent(rate)} des valeurs attendues sont manquantes", StringComparison.Ordinal));
        var table = model.DataQuality.MissingTable;
        Assert.Single(table.Rows, r => r.Cells[0].Text == demo.Protocol.FindIndicator("NB_SEANCES")!.Label); // T1, beneficiaries only
        Assert.Equal(absent, table.Rows.Sum(r => (int)r.Cells[4].Value!.Value));
        Assert.Equal(due, table.Rows.Sum(r => (int)(r.Cells[3].Value!.Value + r.Cells[4].Value!.Value)));
    }
}
