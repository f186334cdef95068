using System.Globalization;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.National;
using ImpactEval.TestSupport;
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

    // The national template renders the hand-made model with its tables and charts; each id names one element (the
    // question heading "question-Q2" and its table "tableau-question-q2" differ by more than case).
    [Fact]
    public void RenderHtml_NationalTemplate_QuestionsTablesAndParticipation()
    {
        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("synthese-nationale", SampleReports.National());

        Assert.Contains("Synthèse nationale — Revue de projet (exemple)", html);
        Assert.Contains("id=\"tableau-question-q2\"", html);
        Assert.Empty(HtmlIds.Problems(html));
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

    // A campaign's themes are typed by whoever writes the questionnaire: "Qui ? Quoi ?", a theme ending with an
    // apostrophe, one named like the README sheet, two questions of the same code and theme. The workbook is still
    // written (ClosedXML refuses invalid or duplicate sheet names) and LibreOffice opens every sheet, with the
    // shares stored as numbers.
    [Fact]
    public void RenderXlsx_NationalWithAwkwardThemes_EverySheetOpens()
    {
        var campaign = SampleReports.NationalCampaign();
        var q = campaign.Questions[2];
        campaign = campaign with
        {
            Questions =
            [
                .. campaign.Questions,
                q with { Code = "Q5", Theme = "Qui ? Quoi ? [2024/2025]" },
                q with { Code = "Q6", Theme = "Partenaires d'hier'" },
                q with { Code = "", Theme = "Lisez-moi" },
                q with { Code = "Q5", Theme = "Qui ? Quoi ? [2024/2025]" },
            ],
        };
        var model = NationalSynthesisBuilder.Build(campaign, SampleReports.SampleTimestamp);
        var path = Path.Combine(Demo.TempDirectory("national"), "synthese-themes.xlsx");
        File.WriteAllBytes(path, new ReportRenderer(Demo.TemplatesDirectory).RenderXlsx(model));

        var sheets = LibreOffice.Sheets(path);

        Assert.Equal(model.Tables.Select(t => t.SheetName).Append("Lisez-moi").Order(StringComparer.Ordinal), sheets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(model.Tables.Length + 1, sheets.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var shares = sheets[model.Tables[^2].SheetName].Skip(1).Select(r => r[3]).ToList();
        Assert.All(shares, s => Assert.Matches("^[0-9.]+%$", s));
    }

    private static NationalCampaignResults Revue() => NationalDemoData.ConsolidatedWithoutStore();

    // The consolidated revue de projet: every share the synthesis shows is its numerator over its denominator (recomputed
    // here from the published texts), every question shows eligible, respondents and non-response, a multiple-choice
    // question's shares add up to more than 100 %, and every answer given by fewer than 5 cités is hidden.
    [Fact]
    public void Build_ConsolidatedRevue_EverySharePublishedIsNumeratorOverDenominator()
    {
        var results = Revue();
        var model = NationalSynthesisBuilder.Build(results, SampleReports.SampleTimestamp);

        Assert.Empty(model.Checks);
        var shown = 0;
        foreach (var question in model.Questions)
        {
            Assert.All(new[] { question.Eligible, question.Respondents, question.NonResponse }, text => Assert.False(string.IsNullOrEmpty(text)));
            Assert.Equal(question.Eligible == "s" ? question.Eligible : "208", question.Eligible);
            foreach (var answer in question.Answers.Where(a => a.Share != "s"))
            {
                var numerator = int.Parse(Plain(answer.Numerator).Replace(" ", ""), CultureInfo.InvariantCulture);
                var denominator = int.Parse(Plain(answer.Denominator).Replace(" ", ""), CultureInfo.InvariantCulture);
                Assert.Equal(French.Percent((double)numerator / denominator), answer.Share);
                Assert.True(numerator <= denominator);
                shown++;
            }
        }
        Assert.True(shown > 40, $"{shown} shares shown");
        var steering = model.Questions.Single(q => q.Code == "PILOTAGE");
        Assert.Contains("choix multiples", steering.ChoiceText);
        Assert.True(steering.Answers.Where(a => a.Share != "s").Sum(a => double.Parse(Plain(a.Share).TrimEnd('%', ' ').Replace(',', '.'), CultureInfo.InvariantCulture)) > 100);
        var small = results.Questions.SelectMany(q => q.Answers.Select((a, i) => (q.Code, a.Count, i))).Where(a => a.Count is > 0 and < 5).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, a => Assert.Equal("s", model.Questions.Single(q => q.Code == a.Code).Answers[a.i].Numerator));
        Assert.True(model.Disclosure.Applied);
        Assert.Contains("nombres de cités éducatives, non de personnes", model.CountsNote);
        Assert.Contains("ANCT", model.CountsNote);
        Assert.Equal("2023-2024", model.Period);
    }

    // A count question (number of trainings) shows respondents and a numeric summary, in the view and in its table.
    [Fact]
    public void Build_NumericQuestion_SummaryWithRespondentsAndNonResponse()
    {
        var model = SampleReports.National();

        var q4 = model.Questions.Single(q => q.Code == "Q4");
        Assert.Equal("réponse numérique", q4.ChoiceText);
        Assert.Equal(("37", "8", "45"), (q4.Respondents, q4.NonResponse, q4.Eligible));
        Assert.Equal(new NumericSummaryView("37", "74", "2,0", "2,0", "0", "6", "formations"), q4.Numeric);
        Assert.Equal(["Somme", "Moyenne", "Médiane", "Minimum", "Maximum", "Non-réponse (cités non répondantes / interrogées)"], q4.Table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal("Valeur (formations)", q4.Table.Columns[1].Header);
        Assert.Empty(model.Checks);
    }

    // The template shows the numeric summary, the period and the note on counts of cités.
    [Fact]
    public void RenderHtml_NationalTemplate_NumericSummaryPeriodAndCountsNote()
    {
        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("synthese-nationale", SampleReports.National());

        Assert.Contains("Période\u202F: 2023-2024.", html);
        Assert.Contains("Sur 37 cités répondantes\u202F: moyenne 2,0, médiane 2,0, de 0 à 6 (formations)\u202F; total 74.", html);
        Assert.Contains("Ils ne pourraient être publiés sans masquage que si", html);
    }
}
