using System.Globalization;
using ImpactEval.Collection.Import;

namespace ImpactEval.Benchmarks;

/// <summary>The small helpers the scenarios share: options of the form <c>--name value</c> and import checks.</summary>
public static class Arguments
{
    /// <summary>The value following <paramref name="name"/>, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The integer following <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Stops the scenario when a set-up or measured import was refused.</summary>
    public static void Check(ImportResult result)
    {
        if (!result.Accepted) throw new InvalidOperationException($"{result.File}: {string.Join("\n", result.Problems.Take(5))}");
    }
}
