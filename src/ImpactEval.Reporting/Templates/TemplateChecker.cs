using System.Collections.Immutable;
using ImpactEval.Reporting.Samples;

namespace ImpactEval.Reporting.Templates;

/// <summary>The outcome of <see cref="TemplateChecker.Check"/>.</summary>
/// <param name="File">The template checked.</param>
/// <param name="ModelName">The model the template was checked against ("rapport de cohorte" or "synthèse nationale").</param>
/// <param name="Problems">Problems found, in French with file, line, column and field; empty when the template is valid.</param>
public sealed record TemplateCheckResult(string File, string ModelName, ImmutableArray<TemplateProblem> Problems)
{
    /// <summary>Whether the template renders on every sample model.</summary>
    public bool IsValid => Problems.IsEmpty;
}

/// <summary>
/// Validates a report template (what <c>impacteval template check FILE</c> runs): checks its Liquid (the subset
/// Scriban's Liquid mode reads, balanced blocks, known filters and partials), then renders it strictly, within the
/// same <see cref="RenderBudget"/> as a report, on sample models: the complete one (every optional section present,
/// every list filled) and the minimal one (every optional section absent, every list empty), so that a misspelt
/// field, an unknown filter, a missing partial, an unguarded optional section or a loop nest over budget is reported
/// with its file, line and field — whatever the real data would have reached. Every unknown field is reported, not
/// only the first. A template declares the model it expects with a comment on its first lines:
/// <c>{% comment %} modèle : synthese-nationale {% endcomment %}</c> for the national synthesis; the cohort report
/// model otherwise. Partials are looked up in the template's own <c>partials/</c> folder, then in the templates
/// directory's.
/// </summary>
public static class TemplateChecker
{
    /// <summary>Checks a template file.</summary>
    /// <param name="path">Path of the .liquid file.</param>
    /// <param name="templatesDirectory">Directory of the shared partials; null for the lookup order of <see cref="TemplateLocator"/> (the file's own directory when none is found).</param>
    public static TemplateCheckResult Check(string path, string? templatesDirectory = null)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
            return new TemplateCheckResult(file, "", [new TemplateProblem(file, 0, 0, null, $"le fichier « {path} » n’existe pas.")]);
        string directory;
        try
        {
            directory = TemplateLocator.ResolveDirectory(templatesDirectory);
        }
        catch (DirectoryNotFoundException)
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        }
        var national = DeclaresNational(File.ReadAllText(path));
        var samples = national
            ? new object[] { SampleReports.National() }
            : [SampleReports.Full(), SampleReports.Minimal()];
        var engine = new TemplateEngine(directory);
        var problems = new List<TemplateProblem>();
        foreach (var sample in samples)
        {
            try
            {
                engine.Render(Path.GetFullPath(path), sample, collectProblems: true);
            }
            catch (TemplateException e)
            {
                problems.AddRange(e.Problems.Where(p => !problems.Contains(p)));
            }
        }
        return new TemplateCheckResult(file, national ? "synthèse nationale" : "rapport de cohorte", [.. problems]);
    }

    /// <summary>Whether a template declares the national synthesis model in a comment.</summary>
    public static bool DeclaresNational(string text)
    {
        var head = text.Length > 600 ? text[..600] : text;
        return head.Contains("synthese-nationale", StringComparison.OrdinalIgnoreCase) && head.Contains("modèle", StringComparison.OrdinalIgnoreCase);
    }
}
