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

    // Issue 10, break 12, at rendering too: a protocol's reference is looked up inside the templates directory only; an
    // escape or a relative path to a file elsewhere is refused even if such a file exists.
    [Theory]
    [InlineData("../secret")]
    [InlineData("../copie/notre-rapport.liquid")]
    [InlineData("partials/../../x.liquid")]
    public void ResolveTemplate_EscapingReference_Refused(string reference)
    {
        var root = Demo.TempDirectory("racine");
        var templates = Path.Combine(root, "modeles");
        Directory.CreateDirectory(templates);
        Directory.CreateDirectory(Path.Combine(root, "copie"));
        File.WriteAllText(Path.Combine(root, "secret.liquid"), "secret");
        File.WriteAllText(Path.Combine(root, "copie", "notre-rapport.liquid"), "copie");

        var e = Assert.Throws<FileNotFoundException>(() => TemplateLocator.ResolveTemplate(reference, templates));

        Assert.Contains("sort du dossier du protocole", e.Message);
    }

    // A relative path names a template in a folder of the templates directory.
    [Fact]
    public void ResolveTemplate_RelativePath_InsideTemplatesDirectory()
    {
        var templates = Demo.TempDirectory("modeles");
        Directory.CreateDirectory(Path.Combine(templates, "cites"));
        File.WriteAllText(Path.Combine(templates, "cites", "valbrune.liquid"), "{{ Title }}");

        Assert.Equal(Path.Combine(templates, "cites", "valbrune.liquid"), TemplateLocator.ResolveTemplate("cites/valbrune.liquid", templates));
    }
}
