namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// School holidays added to the built-in calendar (<see cref="SchoolHolidays.BuiltIn"/>): the years published after
/// this build, without a new release. Bound from the "SchoolHolidays" section, e.g.
/// <c>"SchoolHolidays": { "Periods": [ { "Zone": "A", "From": "2027-02-06", "Resume": "2027-02-22" } ] }</c>.
/// </summary>
public sealed class SchoolHolidayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "SchoolHolidays";

    /// <summary>Extra holiday periods.</summary>
    public List<SchoolHolidayPeriod> Periods { get; set; } = [];
}

/// <summary>One holiday period as configured.</summary>
public sealed class SchoolHolidayPeriod
{
    /// <summary>"A", "B", "C", or "*" for every zone.</summary>
    public string Zone { get; set; } = "*";

    /// <summary>The first day off (the Saturday the official calendar names: "du samedi X").</summary>
    public DateOnly From { get; set; }

    /// <summary>The first day of class again ("au lundi Y").</summary>
    public DateOnly Resume { get; set; }
}
