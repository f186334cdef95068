namespace ImpactEval.Reporting.Model;

/// <summary>
/// An inline SVG chart with what makes it accessible: a title, a description, and the table of the data it
/// draws (the <c>graphique</c> partial shows that table next to the chart).
/// </summary>
/// <param name="Id">Stable identifier, unique in the report (used for SVG element ids).</param>
/// <param name="Title">French title (also the SVG &lt;title&gt;).</param>
/// <param name="Description">French description of what the chart shows (also the SVG &lt;desc&gt;).</param>
/// <param name="Svg">The SVG markup, self-contained (insert it with a triple-stash: <c>{{{Svg}}}</c>).</param>
/// <param name="Data">The data drawn, as a table.</param>
public sealed record Chart(string Id, string Title, string Description, string Svg, ReportTable Data);
