namespace ImpactEval.Worker.Jobs;

/// <summary>A job as the history, the API and <c>impacteval jobs</c> name it: "group.name" (e.g. "recompute.passerelles").</summary>
/// <param name="Group">The group: recompute, reports, campaigns or maintenance.</param>
/// <param name="Name">The name within the group (a protocol's code for per-protocol jobs).</param>
public readonly record struct JobKey(string Group, string Name)
{
    /// <summary>"group.name".</summary>
    public override string ToString() => $"{Group}.{Name}";

    /// <summary>Reads "group.name" (the name may itself contain dots); null when there is no dot.</summary>
    public static JobKey? Parse(string text)
    {
        var dot = text.IndexOf('.');
        return dot <= 0 || dot == text.Length - 1 ? null : new JobKey(text[..dot], text[(dot + 1)..]);
    }
}
