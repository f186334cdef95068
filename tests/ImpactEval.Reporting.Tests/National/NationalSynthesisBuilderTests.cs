using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.National;

public class NationalSynthesisBuilderTests
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ');

    // ANCT's synthesis shows every share with its numerator, denominator and non-response, computed from the counts.
    [Fact]
    public void Build_Campaign_SharesWithNumeratorDenominatorAndNonResponse()
    {
        var model = SampleReports.National();

        var q2 = model.Questions.Single(q => q.Code == "Q2");
        var caf = q2.Answers.Single(a => a.Label == "CAF");
        Assert.Equal(("36", "40", "90,0 %"), (caf.Numerator, caf.Denominator, Plain(caf.Share)));
        Assert.Equal("5", q2.NonResponse);
        Assert.Contains("choix multiples", q2.ChoiceText);
        Assert.Equal("40 cités ont répondu sur 45 interrogées (88,9 %).", Plain(model.ResponseText));
        Assert.Empty(model.Checks);
    }

    // "Stade 3" was ticked by 3 cités: hidden, with a complement so that 38 − 10 − 25 cannot give it back.
    [Fact]
    public void Build_SmallAnswerCount_HiddenWithComplement()
    {
        var model = SampleReports.National();

        var q1 = model.Questions.Single(q => q.Code == "Q1");
        Assert.Equal("s", q1.Answers.Single(a => a.Label.StartsWith("Stade 3", StringComparison.Ordinal)).Numerator);
        Assert.True(q1.Answers.Count(a => a.Numerator == "s") >= 2 || q1.Respondents == "s");
        Assert.Null(q1.Chart?.Svg is { } svg && svg.Contains("Stade 3") && !svg.Contains("non publié") ? svg : null);
        Assert.True(model.Disclosure.Applied);
    }

    // A published synthesis whose answers do not add up is the field's known mistake: the synthesis says so.
    [Fact]
    public void Build_AnswersDoNotAddUp_CheckReported()
    {
        var campaign = SampleReports.NationalCampaign();
        var broken = campaign with
        {
            Questions = [campaign.Questions[0] with { Answers = [new AnswerCount("Stade 1", 10), new AnswerCount("Stade 2", 20)] }],
        };

        var model = NationalSynthesisBuilder.Build(broken, SampleReports.SampleTimestamp);

        Assert.Contains(model.Checks, c => c.Contains("les réponses totalisent 30 cités pour 38 répondantes"));
    }

    // The national template renders the hand-made model with its tables and charts.
    [Fact]
    public void RenderHtml_NationalTemplate_QuestionsTablesAndParticipation()
    {
        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("synthese-nationale", SampleReports.National());

        Assert.Contains("Synthèse nationale — Revue de projet (exemple)", html);
        Assert.Contains("id=\"question-q2\"", html);
        Assert.Contains("id=\"participation-cites\"", html);
        Assert.Contains("Numérateur (cités)", html);
        Assert.Contains("<svg", html);
    }

    // The workbook of the synthesis has one sheet per question and the participation sheet.
    [Fact]
    public void RenderXlsx_National_OneSheetPerQuestion()
    {
        var model = SampleReports.National();
        var path = Path.Combine(Demo.TempDirectory("national"), "synthese.xlsx");
        File.WriteAllBytes(path, new ReportRenderer(Demo.TemplatesDirectory).RenderXlsx(model));

        var sheets = LibreOffice.Sheets(path);

        Assert.Equal(model.Tables.Select(t => t.SheetName).Append("Lisez-moi").Order(StringComparer.Ordinal), sheets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["CAF", "36", "40", "0.9"], sheets[model.Tables[1].SheetName][1].Select(c => c.EndsWith('%') ? (double.Parse(c.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : c));
    }
}
