using System.Text;
using ImpactEval.Core.Loading;
using Xunit;

namespace ImpactEval.Core.Tests.Loading;

/// <summary>Protocol files that are not what they claim: wrong encoding, too deep, too large, broken syntax.</summary>
public class ProtocolLoaderLimitsTests
{
    // Issue 10, break 5: a protocol nested ~30,000 levels (60 KB of "[") overflowed the stack and killed the process
    // (exit 134). It is refused with a placed French error before the YAML tree is built.
    [Fact]
    public void Load_ThirtyThousandNestedLists_RefusedAtTheDepthLimit()
    {
        var text = "id: profond\ntitle: x\nobjectives: " + new string('[', 30_000) + new string(']', 30_000) + "\n";

        var result = ProtocolLoader.Load(text, "profond.yaml");

        Assert.Null(result.Protocol);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"plus de {ProtocolLoader.MaxDepth} niveaux", error.Message);
        Assert.Equal(3, error.At.Line);
        Assert.InRange(error.At.Column, 12 + ProtocolLoader.MaxDepth, 13 + ProtocolLoader.MaxDepth); // the 65th "["
    }

    // Block nesting ("- - - …" on one line) counts the same way.
    [Fact]
    public void Load_DeepBlockSequences_RefusedAtTheDepthLimit()
    {
        var text = "id: profond\nobjectives:\n  " + string.Concat(Enumerable.Repeat("- ", 200)) + "x\n";

        var error = Assert.Single(ProtocolLoader.Load(text, "profond.yaml").Errors);

        Assert.Contains("niveaux", error.Message);
        Assert.Equal(3, error.At.Line);
    }

    // Issue 10, break 8: a Windows-1252 protocol was registered with U+FFFD replacement characters and no warning. It is
    // refused with the line and column of the first byte that is not UTF-8 (é written 0xE9).
    [Fact]
    public void LoadFile_Windows1252_RefusedAtTheFirstBadByte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(Path.GetTempPath(), $"protocole-1252-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, Encoding.GetEncoding(1252).GetBytes("id: passerelles\n# Cité éducative\ntitle: \"Évaluation\"\n"));
        try
        {
            var result = ProtocolLoader.LoadFile(path);

            Assert.Null(result.Protocol);
            var error = Assert.Single(result.Errors);
            Assert.Contains("n’est pas encodé en UTF-8", error.Message);
            Assert.Contains("0xE9", error.Message);
            Assert.Equal((2, 6), (error.At.Line, error.At.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A UTF-8 file with a byte-order mark (what Windows' Notepad writes) is read as usual.
    [Fact]
    public void LoadFile_Utf8WithBom_IsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"protocole-bom-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("id: x\ntitle: \"Évaluation\"\n")]);
        try
        {
            var result = ProtocolLoader.LoadFile(path);
            Assert.DoesNotContain(result.Errors, e => e.Message.Contains("UTF-8") || e.Message.Contains("Syntaxe"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A file over the size limit is refused before it is parsed.
    [Fact]
    public void Load_OverFiveMegabytes_Refused()
    {
        var text = "id: x\n" + string.Concat(Enumerable.Repeat("# commentaire de remplissage\n", 200_000));

        var error = Assert.Single(ProtocolLoader.Load(text, "gros.yaml").Errors);

        Assert.Contains("5 Mo au plus", error.Message);
    }

    // Issue 10, break 14 (messages): YamlDotNet's English reasons ("While scanning…", "found unexpected end of stream")
    // used to be appended in parentheses; every syntax error is now French only.
    [Theory]
    [InlineData("id: x\ntitle: [a, b\n")]
    [InlineData("id: x\n  title: y\n")]
    [InlineData("id: *absent\n")]
    [InlineData("id: x\ntitle: 'non fermé\n")]
    [InlineData("id: x\n@title: y\n")]
    [InlineData("id: x\ntitle: {a: 1\n")]
    public void Load_SyntaxError_FrenchOnly(string text)
    {
        var error = Assert.Single(ProtocolLoader.Load(text, "brouillon.yaml").Errors);

        Assert.StartsWith("Syntaxe YAML invalide\u202F: ", error.Message);
        foreach (var english in new[] { "while", "found", "expected", "scanning", "parsing", "stream", "anchor", "key" })
            Assert.DoesNotContain(english, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
