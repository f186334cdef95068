using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Pdf;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Templates;

// Changes a process-wide environment variable: runs in the serial collection.
[Collection(ChromiumCollection.Name)]
public class TemplateLocatorTests
{
    // Lookup order: the directory the CLI passes, then IMPACTEVAL_TEMPLATES, then templates/ next to the program.
    [Fact]
    public void ResolveDirectory_LookupOrder_ExplicitThenEnvironmentThenShipped()
    {
        var explicitDir = Demo.TempDirectory("explicite");
        var environmentDir = Demo.TempDirectory("environnement");
        var previous = Environment.GetEnvironmentVariable(TemplateLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(TemplateLocator.EnvironmentVariable, environmentDir);
            Assert.Equal(explicitDir, TemplateLocator.ResolveDirectory(explicitDir));
            Assert.Equal(environmentDir, TemplateLocator.ResolveDirectory(null));
            Environment.SetEnvironmentVariable(TemplateLocator.EnvironmentVariable, null);
            Assert.Equal(TemplateLocator.ShippedDirectory, TemplateLocator.ResolveDirectory(null));
            Assert.True(File.Exists(Path.Combine(TemplateLocator.ShippedDirectory, "rapport-cohorte.liquid")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TemplateLocator.EnvironmentVariable, previous);
        }
    }

    // A directory that does not exist is a French message, not a silent fallback to other templates.
    [Fact]
    public void ResolveDirectory_MissingExplicit_FrenchMessage()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => TemplateLocator.ResolveDirectory("/nonexistent/modeles"));

        Assert.Contains("n'existe pas", e.Message);
    }

    // A cité's own copy is given by its path; the shared partials still come from the templates directory.
    [Fact]
    public void ResolveTemplate_PathToCopy_UsedAsIs()
    {
        var copy = Path.Combine(Demo.TempDirectory("copie"), "notre-rapport.liquid");
        File.Copy(Path.Combine(Demo.TemplatesDirectory, "fiche-territoire.liquid"), copy);

        Assert.Equal(copy, TemplateLocator.ResolveTemplate(copy, Demo.TemplatesDirectory));
        Assert.Contains("<h1>", new ReportRenderer(Demo.TemplatesDirectory).RenderHtml(copy, Samples.SampleReports.Full()));
    }
}
