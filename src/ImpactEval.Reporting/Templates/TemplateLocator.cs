using ImpactEval.Core.Loading;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Finds report templates. Lookup order for the templates directory: (1) the directory passed by the caller (the
/// CLI's <c>--templates</c>, <see cref="ReportRequest.TemplatesDirectory"/>); (2) the directory named by the
/// environment variable <c>IMPACTEVAL_TEMPLATES</c>; (3) <c>templates/</c> next to the running program (the
/// Reporting project copies the shipped templates there). A template is named without extension
/// ("rapport-cohorte"), by a relative path inside the templates directory, or given as an absolute path to a .liquid
/// file (a copy edited by a cité, on the command line).
/// </summary>
public static class TemplateLocator
{
    /// <summary>Environment variable naming a templates directory.</summary>
    public const string EnvironmentVariable = "IMPACTEVAL_TEMPLATES";

    /// <summary>The extension of template files.</summary>
    public const string Extension = TemplateReference.Extension;

    /// <summary>The shipped templates next to the running program.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The templates directory to use, by the lookup order above.</summary>
    /// <param name="explicitDirectory">Directory given by the caller, or null.</param>
    /// <exception cref="DirectoryNotFoundException">No candidate directory exists (French message).</exception>
    public static string ResolveDirectory(string? explicitDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            if (Directory.Exists(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
            throw new DirectoryNotFoundException($"Le dossier de modèles « {explicitDirectory} » n'existe pas.");
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (Directory.Exists(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
            throw new DirectoryNotFoundException($"Le dossier de modèles « {fromEnvironment} » (variable {EnvironmentVariable}) n'existe pas.");
        }
        if (Directory.Exists(ShippedDirectory)) return ShippedDirectory;
        throw new DirectoryNotFoundException($"Aucun dossier de modèles trouvé : passez-en un explicitement ou définissez {EnvironmentVariable}.");
    }

    /// <summary>
    /// The file of a template. An absolute path to a .liquid file (a copy given on the command line) is used as is;
    /// anything else is a protocol-style reference (<see cref="TemplateReference"/>): a name, or a relative path, looked
    /// up inside <paramref name="directory"/> and never outside it.
    /// </summary>
    /// <param name="nameOrPath">"rapport-cohorte", "modeles/notre-rapport.liquid", or an absolute path to a .liquid file.</param>
    /// <param name="directory">The templates directory.</param>
    /// <exception cref="FileNotFoundException">The template does not exist or the reference is not allowed (French
    /// message; for a name, listing the available templates and the directory).</exception>
    public static string ResolveTemplate(string nameOrPath, string directory)
    {
        if (Path.IsPathRooted(nameOrPath))
            return nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath)
                ? Path.GetFullPath(nameOrPath)
                : throw new FileNotFoundException($"Le gabarit « {nameOrPath} » n’existe pas (un gabarit est un fichier {Extension}).", nameOrPath);
        if (TemplateReference.Problem(nameOrPath) is { } problem) throw new FileNotFoundException(problem, nameOrPath);
        var root = Path.GetFullPath(directory);
        var candidate = Path.GetFullPath(Path.Combine(root, TemplateReference.FileName(nameOrPath)));
        if (candidate.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate)) return candidate;
        throw new FileNotFoundException($"Le modèle « {nameOrPath} » est introuvable dans « {directory} ». Modèles disponibles : {TemplateReference.Available(root)}.", candidate);
    }
}
