using System.Text;
using System.Xml;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Reads the texts of spreadsheet XML (a cell's <c>v</c>, a rich text <c>si</c> or <c>is</c>) from an
/// <see cref="XmlReader"/> in chunks, refusing any text longer than <see cref="FieldLimits.Cell"/> characters before
/// it is held in memory.
/// </summary>
internal sealed class XlsxXmlText(XmlReader xml)
{
    private readonly char[] chunk = new char[4096];
    private readonly StringBuilder text = new();

    /// <summary>The text of the element the reader is on; leaves the reader on its end.</summary>
    /// <param name="tooLong">The exception thrown when the text is over the limit.</param>
    public string Element(Func<Exception> tooLong)
    {
        text.Clear();
        AppendElement(tooLong);
        return text.ToString();
    }

    /// <summary>
    /// The text of the rich-text element the reader is on (<c>si</c> or <c>is</c>): its plain text or the concatenated
    /// runs, phonetic hints excluded; leaves the reader on its end.
    /// </summary>
    /// <param name="tooLong">The exception thrown when the text is over the limit.</param>
    /// <exception cref="XmlException">The XML ends inside the element.</exception>
    public string Rich(Func<Exception> tooLong)
    {
        text.Clear();
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "phoneticPr" or "extLst")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") AppendElement(tooLong);
            if (!xml.Read()) throw new XmlException("The XML ends inside a rich text.");
        }
        return text.ToString();
    }

    private void AppendElement(Func<Exception> tooLong)
    {
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            if (xml.CanReadValueChunk)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0) Append(chunk.AsSpan(0, read), tooLong);
            }
            else Append(xml.Value, tooLong);
        }
    }

    private void Append(ReadOnlySpan<char> run, Func<Exception> tooLong)
    {
        if (text.Length + run.Length > FieldLimits.Cell) throw tooLong();
        text.Append(run);
    }
}
