using System.Globalization;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Scheduling;

/// <summary>Checks the configured school holidays at start, with French messages naming the period.</summary>
public sealed class SchoolHolidayOptionsValidator : IValidateOptions<SchoolHolidayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchoolHolidayOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Periods.Count; i++)
        {
            var period = options.Periods[i];
            var setting = $"{SchoolHolidayOptions.Section}:Periods:{i}";
            if (period.Zone.Trim() is not ("A" or "B" or "C" or "a" or "b" or "c" or "*"))
                problems.Add($"{setting}:Zone doit valoir A, B, C ou * (toutes les zones), pas « {period.Zone} ».");
            if (period.Resume <= period.From)
                problems.Add($"{setting} : la reprise ({Day(period.Resume)}) doit suivre le premier jour de vacances ({Day(period.From)}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
