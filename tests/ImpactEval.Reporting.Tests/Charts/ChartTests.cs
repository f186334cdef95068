using System.Xml.Linq;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Samples;
using Xunit;

namespace ImpactEval.Reporting.Tests.Charts;

public class ChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static IEnumerable<Model.Chart> AllCharts(Model.ReportModel model) =>
        new[] { model.Flow.Chart, model.Balance?.LovePlot }
            .Concat(model.Descriptives.Indicators.SelectMany(i => new[] { i.Trajectory, i.Distribution }))
            .Concat(model.Analyses.Select(a => a.ForestPlot))
            .OfType<Model.Chart>();

    // Every chart is well-formed SVG, labelled for screen readers (role, title, description) and comes with its data table.
    [Fact]
    public void Charts_FullSample_AccessibleWellFormedWithData()
    {
        var charts = AllCharts(SampleReports.Full()).ToList();

        Assert.True(charts.Count >= 7);
        foreach (var chart in charts)
        {
            var svg = XElement.Parse(chart.Svg);
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal(chart.Title, svg.Element(Ns + "title")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(Ns + "desc")?.Value));
            Assert.Equal($"{chart.Id}-titre {chart.Id}-desc", (string?)svg.Attribute("aria-labelledby"));
            Assert.NotEmpty(chart.Data.Rows);
        }
    }

    // Printed in greyscale, groups stay distinguishable: each series has its own dash pattern and marker shape, and each
    // level of a stacked bar its own fill pattern (not only a colour).
    [Fact]
    public void Charts_Greyscale_GroupsDifferByDashAndShape()
    {
        var model = SampleReports.Full();
        var trajectory = XElement.Parse(model.Descriptives.Indicators.First(i => i.Trajectory is not null).Trajectory!.Svg);
        // The legend: one 40-unit line sample per group, each with its own dash pattern.
        var dashes = trajectory.Descendants(Ns + "line")
            .Where(l => double.Parse((string)l.Attribute("x2")!, System.Globalization.CultureInfo.InvariantCulture) - double.Parse((string)l.Attribute("x1")!, System.Globalization.CultureInfo.InvariantCulture) == 40)
            .Select(l => (string?)l.Attribute("stroke-dasharray") ?? "plein").Distinct().Count();
        Assert.Equal(2, dashes);
        Assert.Contains(trajectory.Descendants(), e => e.Name == Ns + "circle");
        Assert.Contains(trajectory.Descendants(), e => e.Name == Ns + "rect" && e.Attribute("fill")?.Value != "#ffffff");

        var bars = XElement.Parse(model.Descriptives.Indicators.First(i => i.Distribution is not null).Distribution!.Svg);
        var motifs = bars.Descendants(Ns + "g").Where(g => g.Attribute("data-motif") is not null).ToList();
        Assert.Equal(["croisillons", "hachures", "points", "uni"], motifs.Select(g => (string)g.Attribute("data-motif")!).Distinct().Order());
        // Hatches and cross-hatches are white vector lines, dots white circles, over the shade; no SVG <pattern>, which
        // Chromium's PDF printer would rasterise.
        Assert.All(motifs.Where(g => (string?)g.Attribute("data-motif") is "hachures" or "croisillons"),
            g => Assert.Matches(@"^(M[\d.]+ [\d.]+L[\d.]+ [\d.]+ ?)+$", (string)g.Element(Ns + "path")!.Attribute("d")!));
        Assert.Contains(motifs.Where(g => (string?)g.Attribute("data-motif") == "points"), g => g.Elements(Ns + "circle").Any());
        Assert.Empty(bars.Descendants(Ns + "pattern"));
    }

    // Determinism: the same data draw the same bytes; coordinates use the invariant culture (no decimal comma in SVG).
    [Fact]
    public void ForestPlot_SameRows_SameSvgInvariantNumbers()
    {
        ForestPlot.Row[] rows = [new("Implication", "vs Familles éloignées", 0.42, 0.11, 0.73, 1), new("Climat", "vs Crèche", -0.05, -0.2, 0.1, 2)];

        var a = ForestPlot.Render("f", "Titre", "Description", rows, false, "Écart", 2);
        var b = ForestPlot.Render("f", "Titre", "Description", rows, false, "Écart", 2);

        Assert.Equal(a, b);
        Assert.DoesNotMatch(@"(x|y|x1|x2|y1|y2|cx|cy)=""-?\d+,\d", a);
        XElement.Parse(a);
    }

    // Odds ratios are drawn on a log axis with the reference line at 1.
    [Fact]
    public void ForestPlot_OddsRatios_ReferenceAtOne()
    {
        var svg = ForestPlot.Render("o", "Titre", "Description", [new("Implication", "vs Crèche", 1.8, 1.2, 2.7, 1)], true, "Rapport des chances", 2);

        Assert.Contains(">1</text>", svg);
        Assert.Contains(">2</text>", svg);
    }

    // On the log axis 0.5 and 2 lie at the same distance from 1 (a halving and a doubling of the chances are symmetric),
    // and a narrow range of odds ratios still gets ticks around 1 to read it against.
    [Fact]
    public void ForestPlot_OddsRatios_LogScaleSymmetricAroundOne()
    {
        var wide = XElement.Parse(ForestPlot.Render("o", "Titre", "Description", [new("Implication", "vs Crèche", 1.0, 0.45, 2.2, 1)], true, "Rapport des chances", 2));
        double TickX(XElement svg, string label) => double.Parse((string)svg.Descendants(Ns + "text").First(t => t.Value == label).Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TickX(wide, "1") - TickX(wide, "0,5"), TickX(wide, "2") - TickX(wide, "1"), 6);

        var narrow = ForestPlot.Render("n", "Titre", "Description", [new("Implication", "vs Crèche", 1.15, 0.95, 1.4, 1)], true, "Rapport des chances", 2);
        Assert.Contains(">1</text>", narrow);
        Assert.Contains(">1,25</text>", narrow);
    }

    private const string LongGroup = "Familles non bénéficiaires dont l'enfant a fréquenté un mode d'accueil";
    private const string LongIndicator = "Implication du parent dans l'apprentissage de la propreté";

    /// <summary>The words drawn by an SVG, line by line joined with spaces.</summary>
    private static string DrawnText(string svg) =>
        string.Join(" ", XElement.Parse(svg).Descendants(Ns + "text").Select(t => t.Elements(Ns + "tspan").Any() ? string.Join(" ", t.Elements(Ns + "tspan").Select(s => s.Value)) : t.Value));

    // The PasserelleS labels (58-character indicator, 74-character comparison group) used to be cut with "…" in the
    // label column ("Implication du parent dans l'apprentiss…"); they are wrapped instead, and the rows grow to hold them.
    [Fact]
    public void ForestPlot_LongLabels_WrappedNeverCut()
    {
        ForestPlot.Row[] shortRows = [new("Climat", "vs Crèche", 0.2, 0.1, 0.3, 1), new("Climat", "vs Crèche", 0.2, 0.1, 0.3, 2)];
        ForestPlot.Row[] longRows = [new(LongIndicator, "vs " + LongGroup, 0.25, 0.04, 0.46, 1), new("Climat", "vs Crèche", 0.2, 0.1, 0.3, 2)];

        var svg = ForestPlot.Render("f", "Titre", "Description", longRows, false, "Écart", 2);

        var drawn = DrawnText(svg);
        Assert.Contains(LongIndicator, drawn);
        Assert.Contains("vs " + LongGroup, drawn);
        Assert.DoesNotContain("…", drawn);
        double Height(string s) => double.Parse((string)XElement.Parse(s).Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Height(svg) > Height(ForestPlot.Render("f", "Titre", "Description", shortRows, false, "Écart", 2)));
    }

    // The love plot's legend used to cut the comparison group ("vs Familles non bénéficiaires dont l'enfant a fréquenté un
    // mo…"); it is wrapped, and the notes under it move down.
    [Fact]
    public void LovePlot_LongLegendLabel_WrappedNeverCut()
    {
        LovePlot.Row[] rows = [new("Âge de l'enfant à la rentrée (mois)", [new(0, 0.08, false), new(1, 0.16, false)])];

        var svg = LovePlot.Render("l", "Titre", "Description", rows, [("vs " + LongGroup, 0), ("vs Familles éloignées", 1)]);

        var drawn = DrawnText(svg);
        Assert.Contains("vs " + LongGroup, drawn);
        Assert.Contains("vs Familles éloignées", drawn);
        Assert.DoesNotContain("…", drawn);
        XElement.Parse(svg);
    }

    // A three-line group label in the flow diagram's box kept only its first two lines, silently ("… un mode" without
    // "d'accueil"): every word is drawn, the boxes of the row grow.
    [Fact]
    public void FlowDiagram_LongGroupLabel_EveryWordDrawn()
    {
        FlowDiagram.Step[] steps = [new("T1 — Entrée en petite section (premières semaines)", "250", "11 (4,2 %)")];
        FlowDiagram.Column[] columns = [new("Familles bénéficiaires de PasserelleS", "261", steps), new(LongGroup, "377", steps), new("Familles éloignées", "262", steps)];

        var drawn = DrawnText(FlowDiagram.Render("d", "Titre", "Description", columns));

        Assert.Contains(LongGroup, drawn);
        Assert.Contains("T1 — Entrée en petite section (premières semaines)", drawn);
    }

    // Stacked bars: the bar label "<group> — T1" is wrapped whole, the wave never separated from its group nor cut.
    [Fact]
    public void StackedBars_LongBarLabel_WrappedNeverCut()
    {
        var label = LongGroup + "\u00A0—\u00A0T1";

        var svg = StackedBars.Render("b", "Titre", "Description", ["Non", "Oui"], [new(label, [0.4, 0.6])]);

        var lines = XElement.Parse(svg).Descendants(Ns + "tspan").Select(t => t.Value).ToList();
        Assert.Equal(label, string.Join(" ", lines));
        Assert.EndsWith("d'accueil\u00A0—\u00A0T1", lines[^1]);
    }
}
