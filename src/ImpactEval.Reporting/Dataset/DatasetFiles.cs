using System.Globalization;
using System.Text;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Workbook;
using Parquet;
using Parquet.Schema;

namespace ImpactEval.Reporting.Dataset;

/// <summary>Writes an analysis dataset frame and its codebook in each export format (pure apart from the files written).</summary>
public static class DatasetFiles
{
    /// <summary>The data file's base name.</summary>
    public const string DataName = "donnees";

    /// <summary>The codebook file's base name.</summary>
    public const string CodebookName = "dictionnaire";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The data as CSV: a header of the codebook's variables, one line per enrolment, numbers as R writes them back (<see cref="TidyResults.Number"/>).</summary>
    public static string Csv(DatasetFrame frame)
    {
        var columns = Columns(frame);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', columns.Select(c => TidyResults.Text(c.Entry.Variable)))).Append('\n');
        for (var r = 0; r < frame.Count; r++)
            csv.Append(string.Join(',', columns.Select(c => c.Texts is { } t ? (t[r] is { } s ? TidyResults.Text(s) : "NA") : TidyResults.Number(c.Numbers![r])))).Append('\n');
        return csv.ToString();
    }

    /// <summary>The codebook as CSV (variable, label, type, levels, wave, source, respondent, instrument).</summary>
    public static string CodebookCsv(DatasetFrame frame)
    {
        var csv = new StringBuilder("variable,libelle,type,niveaux,vague,source,repondant,instrument\n");
        foreach (var e in frame.Codebook)
            csv.Append(string.Join(',', new[] { e.Variable, e.Label, e.Type, e.Levels, e.Wave, Source(e.Source), e.Respondent, e.Instrument }.Select(TidyResults.Text))).Append('\n');
        return csv.ToString();
    }

    /// <summary>The data as a Parquet file: text columns as nullable UTF-8 strings, numbers as nullable doubles.</summary>
    public static async Task WriteParquetAsync(DatasetFrame frame, Stream stream, CancellationToken cancellationToken)
    {
        var columns = Columns(frame);
        var fields = columns.Select(c => c.Texts is null ? (DataField)new DataField<double?>(c.Entry.Variable) : new DataField<string>(c.Entry.Variable, nullable: true)).ToList();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["impacteval.protocol"] = frame.Protocol.Id,
            ["impacteval.codebook"] = CodebookCsv(frame),
        };
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Texts is { } texts)
                await group.WriteAsync(fields[i], (IReadOnlyCollection<string>)texts.Select(t => t!).ToArray());
            else
                await group.WriteAsync<double>(fields[i], columns[i].Numbers!.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray(), cancellationToken: cancellationToken);
        }
    }

    /// <summary>The data and the codebook as an Excel workbook ("Données", "Dictionnaire"), numbers at full precision.</summary>
    public static byte[] Xlsx(DatasetFrame frame, string title, DateTimeOffset at)
    {
        var columns = Columns(frame);
        var data = new ReportTable("donnees", "Données", "Données", null,
            [.. columns.Select(c => new TableColumn(c.Entry.Variable, c.Texts is null ? CellKind.Number : CellKind.Text))],
            [.. Enumerable.Range(0, frame.Count).Select(r => new TableRow([.. columns.Select(c => c.Texts is { } t
                ? Cells.Text(t[r])
                : double.IsNaN(c.Numbers![r]) ? Cells.Missing(CellKind.Number) : new TableCell(c.Numbers[r].ToString("R", CultureInfo.InvariantCulture), c.Numbers[r], CellKind.Number, Decimals(c.Numbers[r]), false))]))],
            InWorkbook: true);
        var codebook = new ReportTable("dictionnaire", "Dictionnaire des variables", "Dictionnaire", null,
            [.. new[] { "Variable", "Libellé", "Type", "Niveaux", "Vague", "Source", "Répondant", "Instrument" }.Select(h => new TableColumn(h, CellKind.Text))],
            [.. frame.Codebook.Select(e => new TableRow([.. new[] { e.Variable, e.Label, e.Type, e.Levels, e.Wave, Source(e.Source), e.Respondent, e.Instrument }.Select(t => Cells.Text(t))]))],
            InWorkbook: true);
        return WorkbookWriter.Write(new WorkbookWriter.Content(title,
        [
            ("Protocole", $"{frame.Protocol.Title} ({frame.Protocol.Id}, version enregistrée {frame.Rows.ProtocolVersion})"),
            ("Lignes", $"{frame.Count} inscriptions (une ligne par inscription, groupe à l’inscription)"),
            ("Lecture", "Feuille « Données » : une colonne par variable du dictionnaire ; une cellule vide est une valeur manquante. Les niveaux des échelles sont codés par leur valeur (voir « Dictionnaire »)."),
        ], [data, codebook], at));
    }

    private static int Decimals(double value) => value == Math.Floor(value) ? 0 : 2;

    /// <summary>"inscription", "covariable", "observation".</summary>
    public static string Source(CodebookSource source) => source switch
    {
        CodebookSource.Enrolment => "inscription",
        CodebookSource.Baseline => "covariable",
        _ => "observation",
    };

    private sealed record Column(CodebookEntry Entry, string?[]? Texts, double[]? Numbers);

    private static List<Column> Columns(DatasetFrame frame) =>
        [.. frame.Codebook.Select(e => e.Source == CodebookSource.Enrolment ? new Column(e, frame.Texts(e.Variable), null) : new Column(e, null, frame.Numbers(e.Variable)))];
}
