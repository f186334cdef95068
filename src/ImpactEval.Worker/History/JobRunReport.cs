using System.Collections.Immutable;
using System.Globalization;

namespace ImpactEval.Worker.History;

/// <summary>
/// What one run of a job did, as the job returns it: whether there was anything to do, a French one-line summary,
/// and the versions of its inputs (protocol version, data fingerprint, last import…). <see cref="JobRunRecorder"/>
/// writes it to <c>job_runs</c>; Hangfire keeps it as the result of the succeeded job (dashboard).
/// </summary>
/// <param name="NothingToDo">True when the run found nothing to do (counts as a success).</param>
/// <param name="Summary">What the run did, in French.</param>
/// <param name="Inputs">Named values, formatted with the invariant culture, in the order they were added.</param>
public sealed record JobRunReport(bool NothingToDo, string? Summary, ImmutableList<KeyValuePair<string, string?>> Inputs)
{
    /// <summary>A run that did its work.</summary>
    public static JobRunReport Succeeded(string? summary) => new(false, summary, []);

    /// <summary>A run that found nothing to do.</summary>
    public static JobRunReport Skipped(string summary) => new(true, summary, []);

    /// <summary>This report with one more named input (replacing a previous value of the same name).</summary>
    /// <param name="name">The input's name ("protocolVersion").</param>
    /// <param name="value">Its value: numbers and dates are written with the invariant culture.</param>
    public JobRunReport With(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        var index = Inputs.FindIndex(i => i.Key == name);
        var entry = new KeyValuePair<string, string?>(name, text);
        return this with { Inputs = index < 0 ? Inputs.Add(entry) : Inputs.SetItem(index, entry) };
    }
}
