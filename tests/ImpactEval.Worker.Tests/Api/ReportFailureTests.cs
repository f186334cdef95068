using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Worker.Api;
using Xunit;

namespace ImpactEval.Worker.Tests.Api;

public class ReportFailureTests
{
    private static string TemplatesDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "impacteval-worker-tests", "installation-" + Guid.NewGuid().ToString("N"), "modeles");
        Directory.CreateDirectory(path);
        return path;
    }

    // Issue 10, break 12: a missing template answered API clients a 500 showing the server's install path. The answer
    // now says the template is not installed, without any path of the server (the locator's own message has it).
    [Fact]
    public void ReportFailure_MissingTemplate_NoServerPath()
    {
        var directory = TemplatesDirectory();
        var missing = Assert.Throws<FileNotFoundException>(() => TemplateLocator.ResolveTemplate("rapport-disparu", directory));
        Assert.Contains(directory, missing.Message);

        var answer = ProtocolsApi.ReportFailure(missing);

        Assert.Equal(500, answer.StatusCode);
        Assert.DoesNotContain(Path.GetTempPath(), answer.ProblemDetails.Detail);
        Assert.DoesNotContain("/", answer.ProblemDetails.Detail);
        Assert.DoesNotContain("installation-", answer.ProblemDetails.Detail);
        Assert.Contains("n’est pas installé sur le service", answer.ProblemDetails.Detail);
    }

    // A broken template (an edited copy on the server) is explained by its file name, line and field only.
    [Fact]
    public void ReportFailure_BrokenTemplate_FileNameAndLineWithoutDirectory()
    {
        var directory = TemplatesDirectory();
        File.WriteAllText(Path.Combine(directory, "copie.liquid"), "<h1>\n{{ Titel }}</h1>");
        var broken = Assert.Throws<TemplateException>(() => new TemplateEngine(directory).Render("copie", SampleReports.Full()));

        var answer = ProtocolsApi.ReportFailure(broken);

        Assert.StartsWith("Le gabarit de rapport de ce protocole a un problème : copie.liquid, ligne 2, colonne 1 : le champ « Titel »", answer.ProblemDetails.Detail);
        Assert.DoesNotContain(directory, answer.ProblemDetails.Detail);
        Assert.DoesNotContain("installation-", answer.ProblemDetails.Detail);
    }
}
