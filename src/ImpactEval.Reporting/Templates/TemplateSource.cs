using System.Text.RegularExpressions;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The mustache tags of a template with their line and column, to check that blocks are balanced and to find where
/// a field, helper or partial named in a Handlebars error is used.
/// </summary>
internal sealed partial class TemplateSource
{
    /// <summary>One tag: its kind sigil ('#', '/', '^', '>', '!', or ' ' for a plain expression), its inner text and place.</summary>
    public sealed record Tag(char Kind, string Body, int Line, int Column);

    public TemplateSource(string file, string text)
    {
        File = file;
        Text = text;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        foreach (Match m in TagPattern().Matches(text))
        {
            var (line, column) = Position(lineStarts, m.Index);
            var body = m.Groups["body"].Value.Trim().Trim('~').Trim();
            if (body.StartsWith('!')) { Tags.Add(new Tag('!', body, line, column)); continue; }
            var kind = body.Length > 0 && "#/^>&".Contains(body[0]) ? body[0] : ' ';
            if (kind != ' ') body = body[1..].Trim();
            Tags.Add(new Tag(kind, body, line, column));
        }
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                var (line, column) = Position(lineStarts, open);
                Unclosed = (line, column);
                break;
            }
            open = text.IndexOf("{{", close + 2, StringComparison.Ordinal);
        }
    }

    public string File { get; }

    public string Text { get; }

    public List<Tag> Tags { get; } = [];

    /// <summary>Place of a "{{" never closed, if any.</summary>
    public (int Line, int Column)? Unclosed { get; }

    /// <summary>Problems of structure: unclosed tags, blocks opened and not closed, closed without being opened.</summary>
    public List<TemplateProblem> CheckStructure()
    {
        var problems = new List<TemplateProblem>();
        if (Unclosed is { } u)
            problems.Add(new TemplateProblem(File, u.Line, u.Column, null, "une balise « {{ » n'est jamais refermée par « }} »."));
        var stack = new Stack<Tag>();
        foreach (var tag in Tags)
        {
            if (tag.Kind is '#' or '^')
            {
                stack.Push(tag);
            }
            else if (tag.Kind == '/')
            {
                var name = FirstWord(tag.Body);
                if (stack.Count == 0)
                {
                    problems.Add(new TemplateProblem(File, tag.Line, tag.Column, name, $"« {{{{/{name}}}}} » ferme un bloc qui n'a pas été ouvert."));
                    continue;
                }
                var opened = stack.Pop();
                var openedName = FirstWord(opened.Body);
                if (openedName != name)
                    problems.Add(new TemplateProblem(File, tag.Line, tag.Column, name,
                        $"« {{{{/{name}}}}} » ferme le bloc « {{{{#{openedName}}}}} » ouvert ligne {opened.Line} : fermez-le avec « {{{{/{openedName}}}}} »."));
            }
        }
        foreach (var tag in stack.Reverse())
        {
            var name = FirstWord(tag.Body);
            problems.Add(new TemplateProblem(File, tag.Line, tag.Column, name, $"le bloc « {{{{#{name}}}}} » n'est jamais fermé : ajoutez « {{{{/{name}}}}} »."));
        }
        return problems;
    }

    /// <summary>The first tag that uses <paramref name="name"/> as a field path, a path segment, a helper or a partial.</summary>
    public Tag? Find(string name, char? kind = null)
    {
        Tag? segmentMatch = null;
        foreach (var tag in Tags)
        {
            if (tag.Kind == '!' || (kind is { } k && tag.Kind != k)) continue;
            foreach (var token in Tokens(tag.Body))
            {
                var path = token.Replace("../", "").Replace("this.", "").Replace("@root.", "");
                if (string.Equals(path, name, StringComparison.OrdinalIgnoreCase)) return tag;
                if (segmentMatch is null && path.Split('.').Contains(name, StringComparer.OrdinalIgnoreCase)) segmentMatch = tag;
            }
        }
        return segmentMatch;
    }

    /// <summary>The partials this template uses, by name.</summary>
    public IEnumerable<string> PartialNames => Tags.Where(t => t.Kind == '>').Select(t => FirstWord(t.Body));

    private static IEnumerable<string> Tokens(string body) =>
        body.Split([' ', '\t', '\r', '\n', '(', ')', '='], StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('"') && !t.StartsWith('\''));

    private static string FirstWord(string body) => body.Split([' ', '\t', '\r', '\n'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static (int Line, int Column) Position(List<int> lineStarts, int index)
    {
        var line = lineStarts.BinarySearch(index);
        if (line < 0) line = ~line - 1;
        return (line + 1, index - lineStarts[line] + 1);
    }

    [GeneratedRegex(@"\{\{\{?(?<body>!--.*?--|[^{}]*?)\}?\}\}", RegexOptions.Singleline)]
    private static partial Regex TagPattern();
}
