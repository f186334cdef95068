using System.Collections.Immutable;
using System.Globalization;
using Fluid;
using Fluid.Values;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The French formatting filters of report templates (docs/report-model.md): <c>{{ x | nombre }}</c>,
/// <c>| entier</c>, <c>| pourcentage</c>, <c>| date_fr</c>, <c>| intervalle: basse, haute</c>, <c>| valeur_p</c>,
/// <c>| interpretation</c>, and <c>| raw</c> for the model's SVG figures. A missing value prints « n.d. »; text that
/// is not a number is an error naming the filter. The formatting itself is <see cref="French"/>'s, the same as the
/// model's already formatted fields (non-breaking spaces, decimal comma, U+2212 minus).
/// </summary>
internal static class FrenchFilters
{
    /// <summary>The project's filters, each with the Liquid call it documents.</summary>
    public static readonly ImmutableArray<string> Names = ["nombre", "entier", "pourcentage", "date_fr", "intervalle", "valeur_p", "interpretation", "raw"];

    /// <summary>
    /// The standard Liquid filters a template may also use: those Fluid provides that Scriban's Liquid mode translates
    /// to its own functions.
    /// </summary>
    public static readonly ImmutableArray<string> StandardNames =
    [
        "abs", "append", "at_least", "at_most", "capitalize", "ceil", "compact", "concat", "date", "default", "divided_by",
        "downcase", "escape", "escape_once", "first", "floor", "join", "last", "lstrip", "map", "minus", "modulo",
        "newline_to_br", "plus", "prepend", "remove", "remove_first", "replace", "replace_first", "reverse", "round",
        "rstrip", "size", "slice", "sort", "sort_natural", "split", "strip", "strip_html", "strip_newlines", "times",
        "truncate", "truncatewords", "uniq", "upcase", "url_decode", "url_encode", "where",
    ];

    /// <summary>Registers the project's filters on template options (Fluid's standard ones stay registered).</summary>
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("nombre", (input, args, _) =>
        {
            Arity("nombre", args, 0, 1);
            return Text(Number("nombre", input) is { } v ? French.Number(v, Decimals("nombre", args, 0, 1)) : French.NotAvailable);
        });
        filters.AddFilter("entier", (input, args, _) =>
        {
            Arity("entier", args, 0, 0);
            return Text(Number("entier", input) is { } v ? French.Number(v, 0) : French.NotAvailable);
        });
        filters.AddFilter("pourcentage", (input, args, _) =>
        {
            Arity("pourcentage", args, 0, 1);
            return Text(Number("pourcentage", input) is { } v ? French.Percent(v, Decimals("pourcentage", args, 0, 1)) : French.NotAvailable);
        });
        filters.AddFilter("date_fr", (input, args, _) =>
        {
            Arity("date_fr", args, 0, 0);
            return Text(Date(input));
        });
        filters.AddFilter("intervalle", (input, args, _) =>
        {
            Arity("intervalle", args, 2, 3);
            var estimate = Number("intervalle", input);
            return Text(estimate is null
                ? French.NotAvailable
                : French.Interval(estimate.Value, Number("intervalle", args.At(0)) ?? double.NaN, Number("intervalle", args.At(1)) ?? double.NaN,
                    Decimals("intervalle", args, 2, 2)));
        });
        filters.AddFilter("valeur_p", (input, args, _) =>
        {
            Arity("valeur_p", args, 0, 0);
            return Text(Number("valeur_p", input) is { } p ? French.PValue(p) : "p" + French.Space + French.NotAvailable);
        });
        filters.AddFilter("interpretation", (input, args, _) =>
        {
            Arity("interpretation", args, 0, 0);
            return input is ModelObjectValue { Value: ContrastView contrast }
                ? Text(contrast.Interpretation)
                : throw new TemplateFieldException("interpretation", "le filtre « interpretation » s’applique à un contraste (un élément de Contrasts) : « {{ contraste | interpretation }} ».");
        });
        filters.AddFilter("raw", (input, args, _) =>
        {
            Arity("raw", args, 0, 0);
            return new ValueTask<FluidValue>(new StringValue(input.ToStringValue(), false));
        });
    }

    private static ValueTask<FluidValue> Text(string text) => new(new StringValue(text));

    private static void Arity(string filter, FilterArguments args, int min, int max)
    {
        if (args.Count >= min && args.Count <= max) return;
        throw new TemplateFieldException(filter, (min, max) switch
        {
            (0, 0) => $"le filtre « {filter} » ne prend pas d’argument, il en a reçu {args.Count}.",
            (0, _) => $"le filtre « {filter} » prend au plus {max} argument (le nombre de décimales), il en a reçu {args.Count}.",
            _ => $"le filtre « {filter} » attend de {min} à {max} arguments (« {{{{ estimation | {filter}: basse, haute }}}} », puis le nombre de décimales), il en a reçu {args.Count}.",
        });
    }

    /// <summary>The number to format, null when the value is missing.</summary>
    private static double? Number(string filter, FluidValue value) => value switch
    {
        _ when value.IsNil() || value is AbsentValue => null,
        NumberValue n => (double)n.ToNumberValue(),
        StringValue s when s.ToStringValue().Length == 0 => null,
        StringValue s when FrenchNumber.TryParse(s.ToStringValue(), out var parsed) => parsed,
        _ => throw new TemplateFieldException(filter, $"le filtre « {filter} » attend un nombre, il a reçu « {Shown(value)} »."),
    };

    private static int Decimals(string filter, FilterArguments args, int index, int fallback)
    {
        if (args.Count <= index) return fallback;
        var value = args.At(index);
        return value is NumberValue n && n.ToNumberValue() is >= 0 and <= 6 and var d && decimal.Floor(d) == d
            ? (int)d
            : throw new TemplateFieldException(filter, $"le nombre de décimales du filtre « {filter} » doit être un entier de 0 à 6, il a reçu « {Shown(value)} ».");
    }

    private static string Date(FluidValue value) => value switch
    {
        _ when value.IsNil() || value is AbsentValue => French.NotAvailable,
        DateTimeValue d => French.Date((DateTimeOffset)d.ToObjectValue()),
        StringValue s when DateOnly.TryParse(s.ToStringValue(), CultureInfo.InvariantCulture, out var parsed) => French.Date(parsed),
        _ => throw new TemplateFieldException("date_fr", $"le filtre « date_fr » attend une date, il a reçu « {Shown(value)} »."),
    };

    private static string Shown(FluidValue value)
    {
        if (value is ModelObjectValue m) return m.ModelType.Type.Name;
        var text = value.ToStringValue();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
