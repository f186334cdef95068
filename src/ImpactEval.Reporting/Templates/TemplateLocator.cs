namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Finds report templates. Lookup order for the templates directory: (1) the directory passed by the caller (the
/// CLI's <c>--templates</c>, <see cref="ReportRequest.TemplatesDirectory"/>); (2) the directory named by the
/// environment variable <c>IMPACTEVAL_TEMPLATES</c>; (3) <c>templates/</c> next to the running program (the
/// Reporting project copies the shipped templates there). A template is named without extension
/// ("rapport-cohorte") or given as a path to a .liquid file (a copy edited by a cité).
/// </summary>
public static class TemplateLocator
{
    /// <summary>Environment variable naming a templates directory.</summary>
    public const string EnvironmentVariable = "IMPACTEVAL_TEMPLATES";

    /// <summary>The extension of template files.</summary>
    public const string Extension = ".liquid";

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

    /// <summary>The file of a template: a path to an existing .liquid file as is, else <c>{directory}/{name}.liquid</c>.</summary>
    /// <param name="nameOrPath">"rapport-cohorte" or a path to a .liquid file.</param>
    /// <param name="directory">The templates directory.</param>
    /// <exception cref="FileNotFoundException">The template does not exist (French message listing the available ones).</exception>
    public static string ResolveTemplate(string nameOrPath, string directory)
    {
        if (nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        var candidate = Path.Combine(directory, nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? nameOrPath : nameOrPath + Extension);
        if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        var available = Directory.Exists(directory)
            ? string.Join(", ", Directory.GetFiles(directory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "";
        throw new FileNotFoundException($"Le modèle « {nameOrPath} » est introuvable dans « {directory} ». Modèles disponibles : {(available.Length == 0 ? "aucun" : available)}.", candidate);
    }
}
