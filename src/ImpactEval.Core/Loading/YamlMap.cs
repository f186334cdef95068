using System.Collections.Immutable;
using System.Globalization;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ImpactEval.Core.Loading;

/// <summary>
/// Typed, position-aware reading of one YAML mapping. Every accessor records a French problem (with
/// line and column) instead of throwing, and returns null so reading can go on and find more problems.
/// Unknown keys are reported on construction with a "did you mean" hint.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly ProblemSink sink;

    /// <param name="node">The mapping.</param>
    /// <param name="what">French description of the object, for messages ("l'indicateur « X »").</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="keys">The keys this mapping may contain.</param>
    public YamlMap(YamlMappingNode node, string what, ProblemSink sink, params string[] keys)
    {
        this.node = node;
        this.sink = sink;
        What = what;
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(name))
            {
                var closest = TextKey.Closest(name, keys);
                sink.Error(ProblemSink.At(key.Start), $"Clé inconnue « {name} » dans {what}.",
                    closest is not null
                        ? $"Vouliez-vous dire « {closest} » ?"
                        : $"Clés admises ici : {string.Join(", ", keys)}.");
                continue;
            }
            if (!entries.TryAdd(name, (key, value)))
                sink.Error(ProblemSink.At(key.Start), $"La clé « {name} » apparaît deux fois dans {what}.", "Gardez une seule occurrence.");
        }
    }

    public string What { get; }

    public SourcePosition Position => ProblemSink.At(node.Start);

    public bool Has(string key) => entries.ContainsKey(key);

    public SourcePosition PositionOf(string key) =>
        entries.TryGetValue(key, out var entry) ? ProblemSink.At(entry.Value.Start) : Position;

    public YamlNode? Node(string key, bool required, string? example = null)
    {
        if (entries.TryGetValue(key, out var entry)) return entry.Value;
        if (required)
            sink.Error(Position, $"Champ obligatoire « {key} » manquant dans {What}.",
                example is null ? null : $"Ajoutez par exemple : {key}: {example}");
        return null;
    }

    public string? String(string key, bool required, string? example = null)
    {
        var value = Node(key, required, example);
        if (value is null) return null;
        if (value is YamlScalarNode { Value: { } text } && !IsNull(value))
        {
            if (text.Trim().Length == 0 && required)
            {
                sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} est vide.", example is null ? null : $"Par exemple : {key}: {example}");
                return null;
            }
            return text.Trim();
        }
        if (required || !IsNull(value))
            sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} doit être un texte, pas {Describe(value)}.", example is null ? null : $"Par exemple : {key}: {example}");
        return null;
    }

    public double? Number(string key, bool required, string? example = null)
    {
        var value = Node(key, required, example);
        if (value is null || (!required && IsNull(value))) return null;
        if (value is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        var hint = value is YamlScalarNode { Value: { } t } && t.Contains(',')
            ? "Dans le fichier de protocole, utilisez le point décimal (0.95 et non 0,95)."
            : example is null ? null : $"Par exemple : {key}: {example}";
        sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} doit être un nombre, pas {Describe(value)}.", hint);
        return null;
    }

    public int? Integer(string key, bool required, string? example = null)
    {
        var position = PositionOf(key);
        var number = Number(key, required, example);
        if (number is null) return null;
        if (Math.Floor(number.Value) != number.Value || Math.Abs(number.Value) > int.MaxValue)
        {
            sink.Error(position, $"Le champ « {key} » de {What} doit être un nombre entier, pas {number.Value.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return (int)number.Value;
    }

    public DateOnly? Date(string key, bool required)
    {
        var value = Node(key, required, "2026-09-01");
        if (value is null || (!required && IsNull(value))) return null;
        if (value is YamlScalarNode { Value: { } text })
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            if (DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return date;
        }
        sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} doit être une date, pas {Describe(value)}.",
            "Écrivez la date au format AAAA-MM-JJ (2026-09-01) ou JJ/MM/AAAA (01/09/2026).");
        return null;
    }

    public T? Choice<T>(string key, bool required, IReadOnlyDictionary<string, T> vocabulary) where T : struct
    {
        var value = Node(key, required, vocabulary.Keys.First());
        if (value is null || (!required && IsNull(value))) return null;
        if (value is YamlScalarNode { Value: { } text } && vocabulary.TryGetValue(text.Trim(), out var choice)) return choice;
        var shown = value is YamlScalarNode { Value: { } t } ? $"« {t} »" : Describe(value);
        var closest = value is YamlScalarNode { Value: { } s } ? TextKey.Closest(s, vocabulary.Keys) : null;
        sink.Error(ProblemSink.At(value.Start), $"Valeur {shown} non reconnue pour « {key} » dans {What}.",
            (closest is null ? "" : $"Vouliez-vous dire « {closest} » ? ") + $"Valeurs admises : {string.Join(", ", vocabulary.Keys)}.");
        return null;
    }

    public YamlMap? Map(string key, bool required, string what, params string[] keys)
    {
        var value = Node(key, required);
        if (value is null || (!required && IsNull(value))) return null;
        if (value is YamlMappingNode mapping) return new YamlMap(mapping, what, sink, keys);
        sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} doit être une table de clés (clé: valeur), pas {Describe(value)}.",
            $"Clés attendues : {string.Join(", ", keys)}.");
        return null;
    }

    /// <summary>The items of a sequence; a single scalar is accepted as a one-item list when <paramref name="scalarAsList"/>.</summary>
    public IReadOnlyList<YamlNode>? Sequence(string key, bool required, bool scalarAsList = false)
    {
        var value = Node(key, required);
        if (value is null || (!required && IsNull(value))) return null;
        if (value is YamlSequenceNode sequence) return sequence.Children.ToList();
        if (scalarAsList && value is YamlScalarNode) return [value];
        sink.Error(ProblemSink.At(value.Start), $"Le champ « {key} » de {What} doit être une liste, pas {Describe(value)}.",
            "Écrivez une liste, par exemple [A, B] ou un élément par ligne commençant par « - ».");
        return null;
    }

    /// <summary>A list of codes with the position of each (for reference checks).</summary>
    public ImmutableArray<(string Code, SourcePosition At)> Codes(string key, bool required)
    {
        var items = Sequence(key, required, scalarAsList: true);
        if (items is null) return [];
        var codes = ImmutableArray.CreateBuilder<(string, SourcePosition)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
                codes.Add((text.Trim(), ProblemSink.At(item.Start)));
            else
                sink.Error(ProblemSink.At(item.Start), $"Chaque élément de « {key} » dans {What} doit être un code, pas {Describe(item)}.");
        }
        return codes.ToImmutable();
    }

    public ImmutableArray<string> Texts(string key, bool required) =>
        [.. Codes(key, required).Select(c => c.Code)];

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain &&
        (scalar.Value is null || scalar.Value is "" or "~" or "null");

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "une table de clés",
        YamlSequenceNode => "une liste",
        YamlScalarNode s when IsNull(s) => "une valeur vide",
        YamlScalarNode s => $"« {s.Value} »",
        _ => "cette valeur",
    };
}
