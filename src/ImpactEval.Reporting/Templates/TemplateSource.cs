using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The Liquid tags of one template file with their line and column: it checks that the template keeps to the Liquid
/// subset that Scriban's Liquid mode also reads (see docs/report-model.md), that its blocks are balanced, that its
/// filters and partials exist, and it places a marker before each tag so that a rendering error can name the line.
/// </summary>
internal sealed partial class TemplateSource
{
    /// <summary>One tag: <c>{{ … }}</c> (<see cref="IsOutput"/>) or <c>{% … %}</c>, its first word, inner text and place.</summary>
    /// <param name="IsOutput">Whether the tag is an output <c>{{ … }}</c>.</param>
    /// <param name="Name">The tag's name ("if", "endfor", "include"); empty for an output.</param>
    /// <param name="Body">The text after the name, trimmed.</param>
    /// <param name="Start">Index of the opening brace in the text.</param>
    /// <param name="Line">1-based line.</param>
    /// <param name="Column">1-based column.</param>
    /// <param name="TrimsLeft">Whether the tag opens with <c>{{-</c> or <c>{%-</c> (it removes the blanks before it).</param>
    public sealed record Tag(bool IsOutput, string Name, string Body, int Start, int Line, int Column, bool TrimsLeft);

    /// <summary>The tags a template may use: those that Fluid and Scriban's Liquid mode both read the same way.</summary>
    public static readonly ImmutableArray<string> AllowedTags =
    [
        "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "break", "continue",
        "cycle", "capture", "endcapture", "assign", "increment", "decrement", "comment", "endcomment", "raw", "endraw", "include",
    ];

    private static readonly Dictionary<string, string> BlockEnds = new(StringComparer.Ordinal)
    {
        ["if"] = "endif", ["unless"] = "endunless", ["case"] = "endcase", ["for"] = "endfor", ["capture"] = "endcapture",
    };

    private readonly List<int> lineStarts = [0];

    /// <summary>Scans a template.</summary>
    /// <param name="file">Name shown in messages ("rapport-cohorte.liquid", "partials/tableau.liquid").</param>
    /// <param name="text">The template's text.</param>
    public TemplateSource(string file, string text)
    {
        File = file;
        Text = text;
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        Scan();
    }

    /// <summary>Name shown in messages.</summary>
    public string File { get; }

    /// <summary>The template's text.</summary>
    public string Text { get; }

    /// <summary>The tags in text order (the content of <c>raw</c> and <c>comment</c> blocks is not scanned).</summary>
    public List<Tag> Tags { get; } = [];

    /// <summary>Problems found while scanning (a tag never closed).</summary>
    private readonly List<TemplateProblem> scanProblems = [];

    /// <summary>The names of the partials the template includes, each with its tag.</summary>
    public IEnumerable<(string Name, Tag Tag)> Includes =>
        Tags.Where(t => t.Name == "include" && IncludePattern().Match(t.Body) is { Success: true })
            .Select(t => (IncludePattern().Match(t.Body).Groups["name"].Value, t));

    /// <summary>
    /// Problems of structure and of language, each placed: tags never closed, tags outside the allowed subset, blocks
    /// opened and not closed or closed without being opened, <c>else</c>/<c>elsif</c>/<c>when</c> out of place,
    /// <c>include</c> forms Scriban does not read, operators that only Fluid knows, unknown filters.
    /// </summary>
    /// <param name="filters">Names of the filters a template may use.</param>
    public List<TemplateProblem> Check(IReadOnlyCollection<string> filters)
    {
        var problems = new List<TemplateProblem>(scanProblems);
        var stack = new Stack<Tag>();
        foreach (var tag in Tags)
        {
            if (tag.IsOutput)
            {
                if (tag.Body.Length == 0) problems.Add(At(tag, null, "la balise « {{ }} » est vide : écrivez le champ à afficher, par exemple « {{ Title }} »."));
            }
            else if (!AllowedTags.Contains(tag.Name))
            {
                problems.Add(At(tag, tag.Name, tag.Name switch
                {
                    "render" => "la balise « render » n’est pas lue par Scriban : écrivez « {% include 'nom' %} » ou « {% include 'nom' with valeur %} ».",
                    "endraw" or "endcomment" => $"« {{% {tag.Name} %}} » ferme un bloc qui n’a pas été ouvert.",
                    "" => "la balise « {% %} » est vide.",
                    _ => $"la balise « {tag.Name} » n’existe pas dans le Liquid des modèles de rapport. Balises disponibles : {string.Join(", ", AllowedTags.Where(t => !t.StartsWith("end", StringComparison.Ordinal)))}.",
                }));
                continue;
            }
            else if (BlockEnds.ContainsKey(tag.Name))
            {
                stack.Push(tag);
            }
            else if (BlockEnds.ContainsValue(tag.Name))
            {
                var opener = BlockEnds.First(b => b.Value == tag.Name).Key;
                if (stack.Count == 0)
                {
                    problems.Add(At(tag, tag.Name, $"« {{% {tag.Name} %}} » ferme un bloc « {opener} » qui n’a pas été ouvert."));
                    continue;
                }
                var opened = stack.Pop();
                if (opened.Name != opener)
                    problems.Add(At(tag, tag.Name, $"« {{% {tag.Name} %}} » ferme le bloc « {opened.Name} » ouvert ligne {opened.Line} : fermez-le avec « {{% {BlockEnds[opened.Name]} %}} »."));
            }
            else if (tag.Name is "else" or "elsif" or "when")
            {
                var allowedIn = tag.Name switch { "else" => new[] { "if", "unless", "case", "for" }, "elsif" => ["if"], _ => ["case"] };
                if (stack.Count == 0 || !allowedIn.Contains(stack.Peek().Name))
                    problems.Add(At(tag, tag.Name, $"« {{% {tag.Name} %}} » n’est permis que dans un bloc {string.Join(" ou ", allowedIn.Select(a => "« " + a + " »"))}."));
            }
            else if (tag.Name == "include" && !IncludePattern().IsMatch(tag.Body))
            {
                problems.Add(At(tag, "include", "écrivez « {% include 'nom' %} », « {% include 'nom' with valeur %} » ou « {% include 'nom' for liste %} » : le nom du modèle partiel entre apostrophes droites, sans paramètres nommés (Scriban ne les lit pas)."));
            }
            var code = StringLiteral().Replace(tag.Body, "''");
            if (FluidOnlyOperator().Match(code) is { Success: true } op)
                problems.Add(At(tag, op.Value, $"l’opérateur « {op.Value} » n’est pas lu par Scriban : utilisez « contains »."));
            foreach (Match filter in FilterName().Matches(code))
            {
                var name = filter.Groups["name"].Value;
                if (filters.Contains(name)) continue;
                var closest = TemplateEngine.Closest(name, filters);
                problems.Add(At(tag, name, $"le filtre « {name} » n’existe pas.{(closest is null ? "" : $" Vouliez-vous dire « {closest} » ?")} Filtres disponibles : voir docs/report-model.md."));
            }
        }
        foreach (var tag in stack.Reverse())
            problems.Add(At(tag, tag.Name, $"le bloc « {tag.Name} » n’est jamais fermé : ajoutez « {{% {BlockEnds[tag.Name]} %}} »."));
        return problems;
    }

    /// <summary>
    /// The text with a place marker <c>{% impacteval_place N %}</c> before every tag that may fail at rendering, so that
    /// the engine knows the last place reached. A marker goes before the blanks that a <c>{%-</c> tag removes, and
    /// never before <c>else</c>, <c>elsif</c>, <c>when</c> or an end tag, so the output is unchanged.
    /// </summary>
    /// <param name="place">Gives the marker number of a tag.</param>
    public string WithPlaceMarkers(Func<Tag, int> place)
    {
        var builder = new StringBuilder(Text.Length + Tags.Count * 24);
        var copied = 0;
        foreach (var tag in Tags)
        {
            if (!tag.IsOutput && (tag.Name is "else" or "elsif" or "when" || tag.Name.StartsWith("end", StringComparison.Ordinal))) continue;
            var at = tag.Start;
            if (tag.TrimsLeft)
                while (at > copied && char.IsWhiteSpace(Text[at - 1])) at--;
            builder.Append(Text, copied, at - copied);
            builder.Append("{% ").Append(TemplateEngine.PlaceTag).Append(' ').Append(place(tag)).Append(" %}");
            copied = at;
        }
        builder.Append(Text, copied, Text.Length - copied);
        return builder.ToString();
    }

    /// <summary>The first tag that uses <paramref name="name"/> as a variable or a field (outside strings), or null.</summary>
    public Tag? Find(string name)
    {
        var pattern = new Regex(@"(?<![\w.])(?:[\w]+\.)*" + Regex.Escape(name) + @"(?![\w])");
        Tag? segment = null;
        foreach (var tag in Tags)
        {
            var code = StringLiteral().Replace(tag.Body, "''");
            if (pattern.IsMatch(code)) return tag;
            if (segment is null && code.Contains(name, StringComparison.Ordinal)) segment = tag;
        }
        return segment;
    }

    /// <summary>A problem placed at a tag.</summary>
    public TemplateProblem At(Tag tag, string? field, string message) => new(File, tag.Line, tag.Column, field, message);

    /// <summary>The line and column of an index in the text.</summary>
    public (int Line, int Column) Position(int index)
    {
        var line = lineStarts.BinarySearch(index);
        if (line < 0) line = ~line - 1;
        return (line + 1, index - lineStarts[line] + 1);
    }

    private void Scan()
    {
        var i = 0;
        while (true)
        {
            var open = Text.IndexOf('{', i);
            if (open < 0 || open + 1 >= Text.Length) break;
            var kind = Text[open + 1];
            if (kind is not ('{' or '%')) { i = open + 1; continue; }
            var close = FindClose(open + 2, kind == '{' ? "}}" : "%}");
            var (line, column) = Position(open);
            if (close < 0)
            {
                scanProblems.Add(new TemplateProblem(File, line, column, null,
                    kind == '{' ? "une balise « {{ » n’est jamais refermée par « }} »." : "une balise « {% » n’est jamais refermée par « %} »."));
                break;
            }
            var inner = Text[(open + 2)..close];
            var trimsLeft = inner.StartsWith('-');
            inner = inner.Trim('-').Trim();
            if (kind == '{')
            {
                Tags.Add(new Tag(true, "", inner, open, line, column, trimsLeft));
                i = close + 2;
                continue;
            }
            var word = TagName().Match(inner);
            var name = word.Success ? word.Value : inner.Length > 0 ? inner[..1] : "";
            Tags.Add(new Tag(false, name, inner[name.Length..].Trim(), open, line, column, trimsLeft));
            i = close + 2;
            if (name is "raw" or "comment")
            {
                var end = new Regex(@"\{%-?\s*end" + name + @"\s*-?%\}").Match(Text, i);
                if (!end.Success)
                {
                    scanProblems.Add(new TemplateProblem(File, line, column, name, $"le bloc « {name} » n’est jamais fermé : ajoutez « {{% end{name} %}} »."));
                    break;
                }
                var (endLine, endColumn) = Position(end.Index);
                Tags.Add(new Tag(false, "end" + name, "", end.Index, endLine, endColumn, end.Value.StartsWith("{%-", StringComparison.Ordinal)));
                i = end.Index + end.Length;
            }
        }
    }

    /// <summary>Index of the closing delimiter of a tag, skipping quoted strings; -1 when absent.</summary>
    private int FindClose(int from, string delimiter)
    {
        char? quote = null;
        for (var j = from; j < Text.Length - 1; j++)
        {
            var c = Text[j];
            if (quote is { } q) { if (c == q) quote = null; continue; }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c == delimiter[0] && Text[j + 1] == delimiter[1]) return j;
            if (c == '{' && Text[j + 1] is '{' or '%') return -1; // a new tag opens: this one was never closed
        }
        return -1;
    }

    [GeneratedRegex(@"^[A-Za-z_][\w]*")]
    private static partial Regex TagName();

    [GeneratedRegex(@"^'(?<name>[A-Za-z0-9_\-]+)'(?:\s+(?:with|for)\s+[A-Za-z_][\w.\[\]']*)?$")]
    private static partial Regex IncludePattern();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?:startswith|endswith)\b")]
    private static partial Regex FluidOnlyOperator();

    [GeneratedRegex(@"\|\s*(?<name>[A-Za-z_][\w]*)")]
    private static partial Regex FilterName();
}
