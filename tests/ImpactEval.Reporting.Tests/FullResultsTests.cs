using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests;

/// <summary>The full results in the report model and workbook, the E-value sentence, the version printed, and the fixed labels.</summary>
public class FullResultsTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 30, 14, 5, 0, TimeSpan.FromHours(2));

    // The evaluator copies a p-value of 4.2264e-09 from the workbook into R: the sheet "Résultats complets" stores every
    // number as computed (the XML holds the round-trip decimal), displayed rounded by its number format.
    [Fact]
    public async Task RenderXlsx_Demo_FullResultsSheetHoldsEveryDoubleExactly()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));
        var bytes = new ReportRenderer(Demo.TemplatesDirectory).RenderXlsx(model);

        var sheet = SheetCells(bytes, ReportModelBuilder.FullResultsSheet);
        var tidy = TidyResults.From(demo.Results).Rows;
        Assert.Equal(tidy.Length, sheet.Count - 1);
        var checkedValues = 0;
        for (var r = 0; r < tidy.Length; r++)
        {
            var row = sheet[r + 1];
            foreach (var (column, expected) in new[] { ("E", tidy[r].Estimate), ("F", tidy[r].StdError), ("I", tidy[r].PValue), ("K", tidy[r].ConfLow), ("L", tidy[r].ConfHigh) })
            {
                if (!double.IsFinite(expected)) continue;
                var stored = double.Parse(row[column], CultureInfo.InvariantCulture);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(stored));
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 200, $"{checkedValues} values checked");
    }

    // Every published contrast of a non-randomised comparison on the indicator's scale carries its E-value sentence.
    [Fact]
    public async Task Build_Demo_SensitivitySentenceForAdjustedDifferencesAndOddsRatios()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        var shown = model.Analyses.SelectMany(a => a.Contrasts).Where(c => c.IsShown && c.IsEstimated).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, c => Assert.Contains("valeur E de VanderWeele et Ding", c.Sensitivity));
        Assert.All(shown, c => Assert.Contains("rapport de risques d’au moins", c.Sensitivity));
    }

    // Reports print the build's version with its commit and the engine version, not the assembly's "1.0.0".
    [Fact]
    public async Task Build_Demo_VersionWithEngine()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        Assert.Contains($"moteur d’analyse {Analysis.AnalysisEngine.Version}", model.Generation.ImpactEvalVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", model.Generation.ImpactEvalVersion);
        Assert.NotEqual("1.0.0", model.Generation.ImpactEvalVersion);
    }

    // Balance: a yes/no characteristic shows a difference of proportions, and the column says so.
    [Fact]
    public async Task Build_Demo_BalanceColumnNamesBothKindsOfDifference()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        var table = model.Balance!.Samples[0].Table;
        Assert.Contains(table.Columns, c => c.Header == "Différence (standardisée ou de proportions)");
        Assert.DoesNotContain(table.Columns, c => c.Header == "Différence standardisée");
    }

    // An ordered logit adjusted on the indicator's baseline value only: the model line names it instead of "aucune".
    [Fact]
    public async Task Build_OrderedLogitOnBaselineOnly_CovariatesTextNamesTheBaseline()
    {
        var demo = await Demo.GetAsync();
        var a3 = demo.Protocol.Analyses.Single(a => a.Code == "A3") with { BaselineWaveCode = "T1", CovariateCodes = [] };
        var protocol = demo.Protocol with { Analyses = [a3] };
        var results = Analysis.ProtocolAnalysis.Run(protocol, demo.Dataset);
        var model = ReportModelBuilder.Build(protocol, results, ReportGeneration.For(results, At));

        Assert.Equal("valeur de l’indicateur à T1", model.Analyses.Single().CovariatesText);
    }

    /// <summary>The cells of a workbook sheet, row by row, column letter → stored value (shared strings resolved).</summary>
    private static List<Dictionary<string, string>> SheetCells(byte[] xlsx, string sheetName)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Read(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return XDocument.Load(stream);
        }
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        var id = Read("xl/workbook.xml").Descendants(main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName).Attribute(rel + "id")!.Value;
        var target = Read("xl/_rels/workbook.xml.rels").Descendants(pkg + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
        var strings = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Read("xl/sharedStrings.xml").Descendants(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList();
        var path = "xl/" + target.TrimStart('/').Replace("xl/", "");
        return [.. Read(path).Descendants(main + "row").Select(row => row.Elements(main + "c").ToDictionary(
            c => new string(c.Attribute("r")!.Value.TakeWhile(char.IsLetter).ToArray()),
            c => (string?)c.Attribute("t") == "s" ? strings[int.Parse(c.Element(main + "v")!.Value, CultureInfo.InvariantCulture)] : c.Element(main + "v")?.Value ?? ""))];
    }
}
