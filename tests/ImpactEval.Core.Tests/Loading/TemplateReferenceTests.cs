using ImpactEval.Core.Loading;
using Xunit;

namespace ImpactEval.Core.Tests.Loading;

public class TemplateReferenceTests
{
    private static readonly string Passerelles = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "passerelles.yaml"));

    /// <summary>The shipped protocol with another report.template, and the line and column of its value.</summary>
    private static (string Text, int Line, int Column) WithTemplate(string template)
    {
        var text = Passerelles.Replace("  template: rapport-cohorte", "  template: " + template, StringComparison.Ordinal);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith("  template: ", StringComparison.Ordinal));
        return (text, line + 1, lines[line].IndexOf(':') + 3);
    }

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "impacteval-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    // Issue 10, break 12: a protocol's report.template could name any file of the server ("../../…/x.hbs" passed
    // validation and was rendered and served to a partner key). Escapes, absolute paths and backslashes are now refused
    // when the protocol is read, with the line and column of the value — also when a stored protocol is read back.
    [Theory]
    [InlineData("../../etc/rapport.liquid", "sort du dossier du protocole")]
    [InlineData("modeles/../../x.liquid", "sort du dossier du protocole")]
    [InlineData("/etc/rapport.liquid", "chemin absolu")]
    [InlineData("~/rapport.liquid", "chemin absolu")]
    [InlineData("\"C:/modeles/rapport.liquid\"", "chemin absolu")]
    [InlineData("\"modeles\\\\rapport.liquid\"", "barre oblique inverse")]
    [InlineData("modeles/rapport.hbs", "ni un nom de gabarit")]
    [InlineData("rapport cohorte", "ni un nom de gabarit")]
    public void Load_TemplateOutsideAllowedFolders_RefusedAtItsPlace(string template, string reason)
    {
        var (text, line, column) = WithTemplate(template);

        var result = ProtocolLoader.Load(text, "passerelles.yaml");

        Assert.Null(result.Protocol);
        var problem = Assert.Single(result.Errors);
        Assert.Equal((line, column), (problem.At.Line, problem.At.Column));
        Assert.Contains(reason, problem.Message);
    }

    // A name, a name with its extension, or a relative path under the protocol's folder are allowed.
    [Theory]
    [InlineData("rapport-cohorte")]
    [InlineData("fiche-territoire.liquid")]
    [InlineData("modeles/notre-rapport.liquid")]
    public void Load_TemplateNameOrRelativePath_Valid(string template)
    {
        var result = ProtocolLoader.Load(WithTemplate(template).Text, "passerelles.yaml");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(template, result.Protocol!.ReportTemplate);
    }

    // Issue 10, break 12: a missing template passed validation and later answered a 500. When the templates directory is
    // known (protocol validate / register), a name must exist there and a path next to the protocol file.
    [Fact]
    public void LoadFile_WithTemplatesDirectory_TemplateMustExist()
    {
        var templates = TempDirectory();
        File.WriteAllText(Path.Combine(templates, "rapport-cohorte.liquid"), "{{ Title }}");
        var protocolFolder = TempDirectory();
        Directory.CreateDirectory(Path.Combine(protocolFolder, "modeles"));
        File.WriteAllText(Path.Combine(protocolFolder, "modeles", "notre-rapport.liquid"), "{{ Title }}");
        string Write(string template)
        {
            var path = Path.Combine(protocolFolder, Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(path, WithTemplate(template).Text);
            return path;
        }

        var name = ProtocolLoader.LoadFile(Write("rapport-cohorte"), templates);
        var path = ProtocolLoader.LoadFile(Write("modeles/notre-rapport.liquid"), templates);
        var missingName = ProtocolLoader.LoadFile(Write("fiche-territoire"), templates);
        var missingPath = ProtocolLoader.LoadFile(Write("modeles/autre.liquid"), templates);

        Assert.True(name.IsValid && path.IsValid, string.Join("\n", name.Problems.Concat(path.Problems)));
        var problem = Assert.Single(missingName.Errors);
        Assert.Equal(WithTemplate("fiche-territoire").Line, problem.At.Line);
        Assert.Contains("n’existe pas dans le dossier des gabarits. Gabarits disponibles : rapport-cohorte.", problem.Message);
        Assert.Contains("introuvable à côté du protocole", Assert.Single(missingPath.Errors).Message);
    }
}
