using ImpactEval.Analysis.Results;
using ImpactEval.Data.Access;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Worker.Api;

/// <summary>
/// <c>GET /api/protocols/{id}/estimates</c> for administrators and territory teams: the latest stored results as
/// computed (<see cref="ResultDetail.FullResults"/>), in the JSON form the store keeps (NaN and infinities as
/// strings, like R's NA and Inf), with the same results as one tidy table at full precision (the columns of
/// <c>impacteval estimate --format json</c>).
/// </summary>
/// <param name="Protocol">The protocol's identifier.</param>
/// <param name="Territory">The cité's code.</param>
/// <param name="Detail">Always <see cref="ResultDetail.FullResults"/>.</param>
/// <param name="Results">The results (their build and analysis-engine versions included).</param>
/// <param name="Tidy">The tidy table of the results (analysis, outcome, contrast, term, estimate, std_error, statistic, df, p_value, p_adjusted, conf_low, conf_high, method, variance, n, clusters).</param>
public sealed record FullEstimatesView(string Protocol, string Territory, ResultDetail Detail, AnalysisResults Results, TidyResults Tidy);

/// <summary>
/// <c>GET /api/protocols/{id}/estimates</c> for national and partner accounts: the tables of the published report only
/// (<see cref="ResultDetail.PublishedTables"/>), exactly as its workbook holds them — counts below the threshold and
/// the values that would give them away by difference are replaced by "s" with no value.
/// </summary>
/// <param name="Protocol">The protocol's identifier.</param>
/// <param name="Territory">The cité's code.</param>
/// <param name="Detail">Always <see cref="ResultDetail.PublishedTables"/>.</param>
/// <param name="ProtocolVersion">The protocol version the results were computed with.</param>
/// <param name="DataFingerprint">The fingerprint of the data reported.</param>
/// <param name="Disclosure">The rule applied: threshold, whether anything was hidden, the French sentence of the report.</param>
/// <param name="Tables">The tables, in report order ("resultats-complets", the full results after disclosure control, last).</param>
/// <param name="ImpactEvalVersion">The build and analysis-engine versions ("0.14.0+1a2b3c4d5e6f (moteur d’analyse 2)").</param>
public sealed record PublishedEstimatesView(
    string Protocol, string Territory, ResultDetail Detail, int ProtocolVersion, string DataFingerprint, DisclosureNotice Disclosure, IReadOnlyList<PublishedTableView> Tables,
    string ImpactEvalVersion)
{
    /// <summary>The view of a report model's workbook tables (chart data tables repeat them and are left out).</summary>
    public static PublishedEstimatesView From(string protocol, string territory, ReportModel model) =>
        new(protocol, territory, ResultDetail.PublishedTables, model.Generation.ProtocolVersion, model.Generation.DataFingerprint, model.Disclosure,
            model.Tables.Where(t => t.InWorkbook).Select(PublishedTableView.From).ToList(), model.Generation.ImpactEvalVersion);
}

/// <summary>A published table.</summary>
/// <param name="Id">Its stable identifier ("flux", "contrastes-a1").</param>
/// <param name="Title">Its French title.</param>
/// <param name="Note">The note under it, or null.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="Rows">Its rows.</param>
public sealed record PublishedTableView(string Id, string Title, string? Note, IReadOnlyList<PublishedColumnView> Columns, IReadOnlyList<PublishedRowView> Rows)
{
    /// <summary>Plain mapping of a report table.</summary>
    public static PublishedTableView From(ReportTable table) =>
        new(table.Id, table.Title, table.Note,
            table.Columns.Select(c => new PublishedColumnView(c.Header, c.Kind)).ToList(),
            table.Rows.Select(r => new PublishedRowView(r.Cells.Select(c => new PublishedCellView(c.Text, c.Value, c.Kind, c.IsSuppressed)).ToList(), r.IsTotal)).ToList());
}

/// <summary>A column of a published table.</summary>
/// <param name="Header">French header.</param>
/// <param name="Kind">What its cells hold (Count: a number of participants, protected by disclosure control).</param>
public sealed record PublishedColumnView(string Header, CellKind Kind);

/// <summary>A row of a published table.</summary>
/// <param name="Cells">One cell per column.</param>
/// <param name="IsTotal">Whether the row is a margin.</param>
public sealed record PublishedRowView(IReadOnlyList<PublishedCellView> Cells, bool IsTotal);

/// <summary>A cell of a published table.</summary>
/// <param name="Text">What the report shows ("1 234", "12,3 %", "s" when hidden, "n.d." when missing).</param>
/// <param name="Value">The number (a proportion for percentages); null for text, missing or hidden values.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Suppressed">Whether disclosure control hid it.</param>
public sealed record PublishedCellView(string Text, double? Value, CellKind Kind, bool Suppressed);
