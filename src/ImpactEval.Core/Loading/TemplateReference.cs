using System.Text.RegularExpressions;

namespace ImpactEval.Core.Loading;

/// <summary>
/// What a protocol's <c>report.template</c> may name: a template of the templates directory by its name
/// ("rapport-cohorte", "rapport-cohorte.liquid"), or a relative path to a .liquid file under the protocol file's own
/// folder ("modeles/notre-rapport.liquid"). Absolute paths, "..", "." and backslashes are refused, so a protocol can
/// never make the service read (and serve) another file of the server.
/// </summary>
public static partial class TemplateReference
{
    /// <summary>The extension of template files.</summary>
    public const string Extension = ".liquid";

    /// <summary>Why a reference is not allowed (French, for a placed problem), or null when it is.</summary>
    /// <param name="reference">The value of <c>report.template</c>.</param>
    public static string? Problem(string reference)
    {
        if (reference.Contains('\\'))
            return $"Le gabarit « {reference} » contient une barre oblique inverse : séparez les dossiers par « / ».";
        if (reference.StartsWith('/') || reference.StartsWith('~') || DriveLetter().IsMatch(reference) || Path.IsPathRooted(reference))
            return $"Le gabarit « {reference} » est un chemin absolu : un protocole désigne un gabarit par son nom, ou par un chemin relatif à son propre dossier.";
        var segments = reference.Split('/');
        if (segments.Any(s => s is ".." or "."))
            return $"Le gabarit « {reference} » sort du dossier du protocole (« .. ») : un protocole désigne un gabarit par son nom, ou par un chemin sous son propre dossier.";
        var last = segments.Length - 1;
        var valid = segments.Select((s, i) => i < last ? Segment().IsMatch(s) : FileSegment().IsMatch(s)).All(v => v)
                    && (last == 0 || segments[last].EndsWith(Extension, StringComparison.Ordinal));
        return valid
            ? null
            : $"Le gabarit « {reference} » n’est ni un nom de gabarit (lettres sans accent, chiffres, « - », « _ ») ni un chemin relatif vers un fichier {Extension}.";
    }

    /// <summary>Whether a (valid) reference is a path under the protocol's folder rather than a name.</summary>
    public static bool IsPath(string reference) => reference.Contains('/');

    /// <summary>The relative file name a valid reference designates: "rapport-cohorte" → "rapport-cohorte.liquid".</summary>
    public static string FileName(string reference) =>
        reference.EndsWith(Extension, StringComparison.Ordinal) ? reference : reference + Extension;

    /// <summary>
    /// Why a valid reference designates no file (French), or null when the file exists: a name in
    /// <paramref name="templatesDirectory"/>, a path under <paramref name="protocolDirectory"/>.
    /// </summary>
    /// <param name="reference">The value of <c>report.template</c> (valid by <see cref="Problem"/>).</param>
    /// <param name="templatesDirectory">The templates directory.</param>
    /// <param name="protocolDirectory">The protocol file's folder.</param>
    public static string? Missing(string reference, string templatesDirectory, string protocolDirectory)
    {
        if (IsPath(reference))
            return File.Exists(Path.Combine(protocolDirectory, reference))
                ? null
                : $"Le gabarit « {reference} » est introuvable à côté du protocole (chemin relatif au dossier du fichier de protocole).";
        return File.Exists(Path.Combine(templatesDirectory, FileName(reference)))
            ? null
            : $"Le gabarit « {reference} » n’existe pas dans le dossier des gabarits. Gabarits disponibles : {Available(templatesDirectory)}.";
    }

    /// <summary>The names of the templates of a directory, for a message ("fiche-territoire, rapport-cohorte"; "aucun").</summary>
    public static string Available(string templatesDirectory)
    {
        var names = Directory.Exists(templatesDirectory)
            ? string.Join(", ", Directory.GetFiles(templatesDirectory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "";
        return names.Length == 0 ? "aucun" : names;
    }

    [GeneratedRegex("^[A-Za-z]:")]
    private static partial Regex DriveLetter();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*(\.liquid)?$")]
    private static partial Regex FileSegment();
}
