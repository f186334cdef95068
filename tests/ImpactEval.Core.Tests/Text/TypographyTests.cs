using ImpactEval.Core.Text;
using Xunit;

namespace ImpactEval.Core.Tests.Text;

public class TypographyTests
{
    // Text as a template author types it, and what a French typesetter prints (Lexique des règles typographiques en
    // usage à l'Imprimerie nationale): narrow no-break space before ; : ! ? % and inside « », ’ between letters, − for
    // a negative number; times, codes, ranges and words with hyphens are left alone.
    [Theory]
    [InlineData("Période : 2023-2024 ; total 74 !", "Période\u202F: 2023-2024\u202F; total 74\u202F!")]
    [InlineData("Qui ? 12% puis 12\u00A0%", "Qui\u202F? 12\u202F% puis 12\u202F%")]
    [InlineData("« s » et «\u00A0s\u00A0» et «s»", "«\u202Fs\u202F» et «\u202Fs\u202F» et «\u202Fs\u202F»")]
    [InlineData("L'essentiel d'abord", "L’essentiel d’abord")]
    [InlineData("écart de -0,12 [-0,30 ; 0,06] (-1)", "écart de \u22120,12 [\u22120,30\u202F; 0,06] (\u22121)")]
    [InlineData("-3 points", "\u22123 points")]
    [InlineData("CE-999-01 à 10:30, grand-mère, T1-T2", "CE-999-01 à 10:30, grand-mère, T1-T2")]
    [InlineData("", "")]
    public void Apply_TypedText_FrenchTypography(string typed, string expected) =>
        Assert.Equal(expected, Typography.Apply(typed));

    // Applying twice changes nothing more, and what Apply writes passes the scan.
    [Theory]
    [InlineData("Période : 2023-2024 ; « s » ! L'écart -0,4 vaut 12 %")]
    [InlineData("Qui? «oui»")]
    public void Apply_Twice_SameTextAndNoProblem(string typed)
    {
        var once = Typography.Apply(typed);
        Assert.Equal(once, Typography.Apply(once));
        Assert.Empty(Typography.Problems(once));
    }

    // The scan finds each kind of fault, and says where.
    [Theory]
    [InlineData("Période : 2023", "espace ordinaire avant")]
    [InlineData("Qui?", "pas d’espace fine avant")]
    [InlineData("12%", "pas d’espace fine avant")]
    [InlineData("«\u00A0s\u202F»", "guillemet ouvrant")]
    [InlineData("«\u202Fs »", "guillemet fermant")]
    [InlineData("L'essentiel", "apostrophe droite")]
    [InlineData("écart -0,12", "signe moins")]
    public void Problems_FaultyText_Named(string text, string expected)
    {
        var problems = Typography.Problems(text);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    // A web address keeps its "?" and its hyphens.
    [Fact]
    public void Problems_WebAddress_NotChecked() =>
        Assert.Empty(Typography.Problems("voir https://exemple.fr/page?id=3"));
}
