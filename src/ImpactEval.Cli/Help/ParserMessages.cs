using System.Collections;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ImpactEval.Core.Text;

namespace ImpactEval.Cli.Help;

/// <summary>
/// Turns System.CommandLine's parse errors into French. The parser writes its messages from its neutral (English)
/// resources — the command line parses under the invariant UI culture for that reason — and each message is
/// recognised by the resource it was formatted from, then rewritten in French with the same values.
/// </summary>
/// <remarks>
/// Matching the resource formats rather than fixed English sentences keeps the translation right when the package
/// rewords a message: a message whose resource is not in <see cref="French"/> is printed as
/// « Ligne de commande incorrecte » with the offending tokens, never in English (a test scans every command's errors).
/// </remarks>
public static class ParserMessages
{
    private const string Nnbsp = "\u202F";

    /// <summary>French formats, by System.CommandLine resource name; {0}, {1}… are the values of the neutral format.</summary>
    private static readonly Dictionary<string, string> French = new()
    {
        ["RequiredOptionWasNotProvided"] = $"L’option {{0}} est obligatoire.",
        ["OptionRequiredArgumentMissing"] = $"Il manque la valeur de l’option {{0}}.",
        ["CommandRequiredArgumentMissing"] = $"Il manque l’argument «{Nnbsp}{{0}}{Nnbsp}» de la commande «{Nnbsp}{{1}}{Nnbsp}».",
        ["RequiredCommandWasNotProvided"] = "Indiquez une sous-commande.",
        ["UnrecognizedCommandOrArgument"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est ni une commande ni un argument reconnu.",
        ["SuggestionsTokenNotMatched"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas reconnu.",
        ["UnrecognizedArgument"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur admise{Nnbsp}; valeurs admises{Nnbsp}:{{1}}",
        ["OptionExpectsOneArgument"] = $"L’option {{0}} attend une seule valeur, mais {{1}} ont été données.",
        ["ArgumentConversionCannotParse"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur valide.",
        ["ArgumentConversionCannotParseForOption"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur valide pour l’option {{1}}.",
        ["ArgumentConversionCannotParseForOption_Completions"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur valide pour l’option {{1}}. Valeurs admises{Nnbsp}:{{3}}",
        ["ArgumentConversionCannotParseForCommand"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur valide pour la commande «{Nnbsp}{{1}}{Nnbsp}».",
        ["ArgumentConversionCannotParseForCommand_Completions"] = $"«{Nnbsp}{{0}}{Nnbsp}» n’est pas une valeur valide pour la commande «{Nnbsp}{{1}}{Nnbsp}». Valeurs admises{Nnbsp}:{{3}}",
        ["FileDoesNotExist"] = $"Le fichier «{Nnbsp}{{0}}{Nnbsp}» n’existe pas.",
        ["DirectoryDoesNotExist"] = $"Le dossier «{Nnbsp}{{0}}{Nnbsp}» n’existe pas.",
        ["FileOrDirectoryDoesNotExist"] = $"Le fichier ou dossier «{Nnbsp}{{0}}{Nnbsp}» n’existe pas.",
        ["InvalidCharactersInFileName"] = $"Caractère interdit dans un nom de fichier{Nnbsp}: «{Nnbsp}{{0}}{Nnbsp}».",
        ["InvalidCharactersInPath"] = $"Caractère interdit dans un chemin{Nnbsp}: «{Nnbsp}{{0}}{Nnbsp}».",
        ["ResponseFileNotFound"] = $"Fichier de réponses introuvable{Nnbsp}: «{Nnbsp}{{0}}{Nnbsp}».",
        ["ErrorReadingResponseFile"] = $"Lecture impossible du fichier de réponses «{Nnbsp}{{0}}{Nnbsp}»{Nnbsp}: {{1}}",
        ["VersionOptionCannotBeCombinedWithOtherArguments"] = "L’option {0} ne se combine avec aucun autre argument.",
    };

    /// <summary>Resources whose first value is a token the user typed, for which a close command or option name is suggested.</summary>
    private static readonly HashSet<string> Unmatched = ["SuggestionsTokenNotMatched", "UnrecognizedCommandOrArgument"];

    private static readonly Lazy<List<(string Key, Regex Pattern, string French)>> Patterns = new(BuildPatterns);

    /// <summary>The French text of one parse error.</summary>
    /// <param name="error">The error, whose message the parser wrote under the invariant UI culture.</param>
    /// <param name="command">The command that was being parsed (for suggestions of subcommand names).</param>
    public static string Translate(ParseError error, Command command) => Translate(error.Message, command);

    /// <summary>The French text of a parser message (also thrown as an exception's message when a value is read).</summary>
    /// <param name="message">The parser's neutral message.</param>
    /// <param name="command">The command that was being parsed (for suggestions of subcommand names).</param>
    public static string Translate(string message, Command command)
    {
        foreach (var (key, pattern, french) in Patterns.Value)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray();
            var text = string.Format(CultureInfo.InvariantCulture, french, Pad(values, 4));
            return Unmatched.Contains(key) ? text + Suggestion((string)values[0], command) : text;
        }
        // A message the parser formats without a resource (custom parsers and validators write French already).
        return message;
    }

    /// <summary>Whether <paramref name="message"/> is one of the parser's neutral messages.</summary>
    public static bool IsParserMessage(string message) => Patterns.Value.Any(p => p.Pattern.IsMatch(message));

    private static string Suggestion(string token, Command command)
    {
        var names = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
        return TextKey.Closest(token, names) is { } closest ? $" Vouliez-vous dire «{Nnbsp}{closest}{Nnbsp}»{Nnbsp}?" : "";
    }

    private static object[] Pad(object[] values, int count) =>
        values.Length >= count ? values : [.. values, .. Enumerable.Repeat<object>("", count - values.Length)];

    private static List<(string, Regex, string)> BuildPatterns()
    {
        var resources = new ResourceManager("System.CommandLine.Properties.Resources", typeof(Command).Assembly);
        var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        var patterns = new List<(string, Regex, string)>();
        if (neutral is null) return patterns;
        foreach (DictionaryEntry entry in neutral)
        {
            if (entry.Key is not string key || entry.Value is not string format || !French.TryGetValue(key, out var french)) continue;
            var regex = "^" + Regex.Replace(Regex.Escape(format), @"\\\{(\d+)}", "(.*?)") + "$";
            patterns.Add((key, new Regex(regex, RegexOptions.Singleline | RegexOptions.CultureInvariant), french));
        }
        // Longer formats first, so that "…for option '{1}'…" wins over the shorter "Cannot parse argument '{0}'…".
        patterns.Sort((a, b) => b.Item2.ToString().Length.CompareTo(a.Item2.ToString().Length));
        return patterns;
    }
}
