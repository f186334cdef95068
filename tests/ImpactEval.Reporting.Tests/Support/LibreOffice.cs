using System.Diagnostics;
using System.Text;

namespace ImpactEval.Reporting.Tests.Support;

/// <summary>
/// Opens a workbook in the real LibreOffice (headless soffice) and exports every sheet to CSV, as a spreadsheet user
/// would see the stored values: the proof that the .xlsx is valid and holds what the report says.
/// </summary>
public static class LibreOffice
{
    /// <summary>Every sheet of <paramref name="xlsxPath"/> as rows of cells, by sheet name.</summary>
    public static Dictionary<string, List<string[]>> Sheets(string xlsxPath)
    {
        var output = Demo.TempDirectory("csv");
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        // Token 9 = false exports raw values rather than values "as shown"; token 12 = -1 writes one file per sheet.
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", $"-env:UserInstallation=file://{profile}", "--convert-to",
                     "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", output, xlsxPath })
            start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("soffice did not finish in 2 minutes");
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"soffice failed: {stderr.Result}{stdout.Result}");
        }
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        var prefix = Path.GetFileNameWithoutExtension(xlsxPath) + "-";
        return Directory.GetFiles(output, "*.csv").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f)[prefix.Length..],
            f => Parse(File.ReadAllText(f, Encoding.UTF8)));
    }

    /// <summary>RFC 4180 parsing (quoted fields, doubled quotes, newlines inside quotes).</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
