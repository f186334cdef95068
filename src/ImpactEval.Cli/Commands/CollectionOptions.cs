using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImpactEval.Cli.Commands;

/// <summary>Options shared by the cohort, campaign, observation and participant commands.</summary>
public static class CollectionOptions
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>A date option read as JJ/MM/AAAA or AAAA-MM-JJ, with a French error otherwise.</summary>
    /// <param name="name">Option name (e.g. "--on").</param>
    /// <param name="description">French description.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (JJ/MM/AAAA)",
        Required = required,
        HelpName = "JJ/MM/AAAA",
        CustomParser = ParseDate,
    };

    /// <summary>--id: the cité's own identifier of a participant (pseudonymised on the fly, never stored or printed).</summary>
    public static Option<string> Identifier() => new("--id")
    {
        Description = "Identifiant du participant dans la cité (celui du fichier d'inscription) ; il est pseudonymisé et jamais enregistré.",
        Required = true,
    };

    /// <summary>--reason: why (required by the actions that change history).</summary>
    public static Option<string> Reason(bool required) => new("--reason")
    {
        Description = "Motif (conservé dans l'historique et le journal).",
        Required = required,
    };

    /// <summary>--date: the day to describe, default today.</summary>
    public static Option<DateOnly?> AsOf() => Date("--date", "Jour décrit, par défaut aujourd'hui");

    /// <summary>Today's local date.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A date in French format.</summary>
    public static string Format(DateOnly date) => Core.Text.FrenchDate.Format(date);

    /// <summary>A date in French format, or a dash.</summary>
    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "—";

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"« {text} » n'est pas une date : écrivez-la JJ/MM/AAAA (par exemple 15/10/2025).");
        return null;
    }
}
