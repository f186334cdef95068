using ImpactEval.Reporting.Workbook;
using Xunit;

namespace ImpactEval.Reporting.Tests.Workbook;

public class SheetNamesTests
{
    // A national question themed "Qui ? Quoi ? [2024/2025]" or a protocol analysis coded "A1:B" would give a sheet name
    // Excel refuses (and ClosedXML throws on): the forbidden characters become hyphens.
    [Theory]
    [InlineData("Q7 Qui ? Quoi ? [2024/2025]", "Q7 Qui - Quoi - -2024-2025-")]
    [InlineData("Contrastes A1:B*", "Contrastes A1-B-")]
    [InlineData("'Partenaires'", "Partenaires")]
    [InlineData("  ", "Tableau")]
    [InlineData("Ligne\tavec\ttabulations", "Ligne-avec-tabulations")]
    public void Unique_ForbiddenCharacters_Replaced(string wished, string expected)
    {
        Assert.Equal(expected, new SheetNames().Unique(wished));
    }

    // Sheet names are at most 31 characters and unique ignoring case; the README's name is never handed out.
    [Fact]
    public void Unique_LongRepeatedAndReservedNames_ShortenedAndNumbered()
    {
        var names = new SheetNames();

        var first = names.Unique("Équilibre initial des caractéristiques — inscrits");
        var second = names.Unique("ÉQUILIBRE INITIAL DES CARACTÉRISTIQUES — inscrits");
        var readme = names.Unique(WorkbookWriter.ReadmeSheet);

        Assert.Equal("Équilibre initial des caractéri", first);
        Assert.Equal("ÉQUILIBRE INITIAL DES CARACTÉ 2", second);
        Assert.Equal(WorkbookWriter.ReadmeSheet + " 2", readme);
        Assert.All(new[] { first, second, readme }, n => Assert.InRange(n.Length, 1, SheetNames.MaxLength));
    }
}
