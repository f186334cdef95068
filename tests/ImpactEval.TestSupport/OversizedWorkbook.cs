using System.IO.Compression;
using System.Text;

namespace ImpactEval.TestSupport;

/// <summary>
/// Writes a small .xlsx archive whose shared-string table decompresses to far more than it weighs (long runs of one
/// letter compress a thousandfold), as a hostile or broken program could produce: the sheet names the strings, so a
/// reader that loads the table whole needs gigabytes. Written part by part with <see cref="ZipArchive"/>, streaming.
/// </summary>
public static class OversizedWorkbook
{
    /// <summary>Writes the workbook and returns its path.</summary>
    /// <param name="strings">Number of shared strings.</param>
    /// <param name="length">Characters in each string.</param>
    /// <param name="directory">Where to write it.</param>
    public static string Write(int strings, int length, string directory)
    {
        var path = Path.Combine(directory, $"textes-partages-{strings}x{length}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="T1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """);
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>identifiant</t></is></c><c r="B1" t="inlineStr"><is><t>vague</t></is></c></row>""");
        for (var i = 0; i < strings; i++) sheet.Append($"""<row r="{i + 2}"><c r="A{i + 2}" t="s"><v>{i}</v></c><c r="B{i + 2}" t="inlineStr"><is><t>T1</t></is></c></row>""");
        Entry(zip, "xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        using (var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16))
        {
            writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings}" uniqueCount="{strings}">""");
            var run = new string('A', 1 << 16);
            for (var i = 0; i < strings; i++)
            {
                writer.Write("<si><t>");
                for (var left = length; left > 0; left -= run.Length) writer.Write(run.AsSpan(0, Math.Min(left, run.Length)));
                writer.Write("</t></si>");
            }
            writer.Write("</sst>");
        }
        return path;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
