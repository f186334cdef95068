using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace ImpactEval.Cli.Help;

/// <summary>
/// The help of every command, written entirely in French: System.CommandLine's French resources leave
/// « (REQUIRED) », « default » and the section titles' punctuation in English, and name a value after the option
/// (« &lt;protocol&gt; »). This writer takes the same symbols and lays them out the French way.
/// </summary>
/// <remarks>
/// Sections: Description, Utilisation, Arguments, Options (including the options inherited from parent commands,
/// such as <c>--data</c>), Commandes. A value placeholder is the option's <see cref="Option.HelpName"/> when the
/// command sets one, else a French noun derived from its type (FICHIER, DOSSIER, NOMBRE, TEXTE).
/// </remarks>
public sealed class FrenchHelp : SynchronousCommandLineAction
{
    private const string Nnbsp = "\u202F";

    /// <summary>Replaces the action of every help option of <paramref name="root"/> and its subcommands with this writer.</summary>
    public static void Install(Command root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = "Affiche l’aide et l’utilisation.";
            help.Action = new FrenchHelp();
        }
        foreach (var version in root.Options.OfType<VersionOption>()) version.Description = "Affiche la version d’ImpactEval.";
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        output.Write(Write(parseResult.CommandResult.Command, Ancestors(parseResult), Width(output)));
        return 0;
    }

    /// <summary>The help text of <paramref name="command"/>.</summary>
    /// <param name="command">The command described.</param>
    /// <param name="ancestors">Its parent commands, outermost first (the root first).</param>
    /// <param name="width">Line width in characters (at least 60).</param>
    public static string Write(Command command, IReadOnlyList<Command> ancestors, int width)
    {
        width = Math.Max(width, 60);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            text.AppendLine($"Description{Nnbsp}:");
            foreach (var line in Wrap(command.Description!, width - 2)) text.AppendLine("  " + line);
            text.AppendLine();
        }

        text.AppendLine($"Utilisation{Nnbsp}:");
        text.AppendLine("  " + Usage(command, ancestors));
        text.AppendLine();

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        if (arguments.Count > 0)
        {
            text.AppendLine($"Arguments{Nnbsp}:");
            WriteRows(text, [.. arguments.Select(a => ($"<{a.HelpName ?? a.Name}>", ArgumentDescription(a)))], width);
            text.AppendLine();
        }

        var options = command.Options.Concat(ancestors.SelectMany(a => a.Options).Where(o => o.Recursive))
            .Where(o => !o.Hidden).DistinctBy(o => o.Name).ToList();
        if (options.Count > 0)
        {
            text.AppendLine($"Options{Nnbsp}:");
            WriteRows(text, [.. options.Select(o => (OptionLabel(o), OptionDescription(o)))], width);
            text.AppendLine();
        }

        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subcommands.Count > 0)
        {
            text.AppendLine($"Commandes{Nnbsp}:");
            WriteRows(text, [.. subcommands.Select(c => (CommandLabel(c), c.Description ?? ""))], width);
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>The placeholder of an option's value, in French.</summary>
    public static string ValueName(Option option)
    {
        if (option.HelpName is { Length: > 0 } name) return name;
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsArray) type = type.GetElementType()!;
        return type == typeof(FileInfo) ? "FICHIER"
            : type == typeof(DirectoryInfo) ? "DOSSIER"
            : type == typeof(int) || type == typeof(double) || type == typeof(decimal) ? "NOMBRE"
            : type == typeof(DateOnly) ? "JJ/MM/AAAA"
            : type == typeof(Uri) ? "ADRESSE"
            : "TEXTE";
    }

    private static string Usage(Command command, IReadOnlyList<Command> ancestors)
    {
        // The root command is named after the executable (which is "testhost" under a test runner): always "impacteval".
        var parts = new List<string> { "impacteval" };
        if (ancestors.Count > 0) parts.AddRange(ancestors.Skip(1).Select(a => a.Name).Append(command.Name));
        if (command.Subcommands.Count > 0) parts.Add("[commande]");
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            parts.Add(argument.Arity.MinimumNumberOfValues == 0 ? $"[<{argument.HelpName ?? argument.Name}>]" : $"<{argument.HelpName ?? argument.Name}>"
                + (argument.Arity.MaximumNumberOfValues > 1 ? "…" : ""));
        parts.Add("[options]");
        return string.Join(' ', parts);
    }

    private static string OptionLabel(Option option)
    {
        // "/h" and "/?" are Windows spellings of -h: not shown.
        var names = option.Aliases.Append(option.Name).Distinct().Where(n => !n.StartsWith('/')).OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(n => n.Length);
        var label = string.Join(", ", names);
        return option.ValueType == typeof(bool) || option is HelpOption || option.Arity.MaximumNumberOfValues == 0
            ? label
            : $"{label} <{ValueName(option)}>";
    }

    private static string OptionDescription(Option option)
    {
        var text = option.Description ?? "";
        if (option.Required) text = "(obligatoire) " + text;
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value && DefaultText(value) is { Length: > 0 } shown)
            text += $" [par défaut{Nnbsp}: {shown}]";
        return text.Trim();
    }

    private static string ArgumentDescription(Argument argument)
    {
        var text = argument.Description ?? "";
        if (argument.HasDefaultValue && argument.GetDefaultValue() is { } value && DefaultText(value) is { Length: > 0 } shown)
            text += $" [par défaut{Nnbsp}: {shown}]";
        return text;
    }

    private static string DefaultText(object value) => value switch
    {
        double d => Core.Text.FrenchNumber.Plain(d),
        System.Collections.IEnumerable and not string => "",
        _ => value.ToString() ?? "",
    };

    private static string CommandLabel(Command command) =>
        string.Join(", ", command.Aliases.Prepend(command.Name).Distinct());

    private static void WriteRows(StringBuilder text, IReadOnlyList<(string Label, string Description)> rows, int width)
    {
        var column = Math.Min(rows.Max(r => r.Label.Length) + 4, width / 2);
        foreach (var (label, description) in rows)
        {
            var lines = Wrap(description, width - column);
            var first = lines.Count > 0 ? lines[0] : "";
            if (label.Length + 4 > column)
            {
                text.AppendLine("  " + label);
                text.Append(' ', column).AppendLine(first);
            }
            else text.Append("  ").Append(label.PadRight(column - 2)).AppendLine(first);
            foreach (var line in lines.Skip(1)) text.Append(' ', column).AppendLine(line);
        }
    }

    /// <summary>Splits text into lines of at most <paramref name="width"/> characters at spaces (never inside a word).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static List<Command> Ancestors(ParseResult parseResult)
    {
        var ancestors = new List<Command>();
        for (var result = parseResult.CommandResult.Parent; result is not null; result = result.Parent)
            if (result is System.CommandLine.Parsing.CommandResult command) ancestors.Insert(0, command.Command);
        return ancestors;
    }

    private static int Width(TextWriter output) =>
        output == Console.Out && !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : 120;
}
