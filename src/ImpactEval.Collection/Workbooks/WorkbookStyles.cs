using ClosedXML.Excel;

namespace ImpactEval.Collection.Workbooks;

/// <summary>The kinds of cell of a collection workbook (see <see cref="WorkbookStyles.Apply"/>).</summary>
internal enum WorkbookStyle
{
    /// <summary>Locked, general format (cells outside the table, list items).</summary>
    Locked,

    /// <summary>Header cell: bold on a light fill, bottom border, text format, locked.</summary>
    Header,

    /// <summary>Unlocked data cell, general format (numbers and chosen labels).</summary>
    Data,

    /// <summary>Unlocked data cell in text format "@", so that "00123" stays text.</summary>
    Text,

    /// <summary>Unlocked date cell shown dd/mm/yyyy.</summary>
    Date,

    /// <summary>Instructions title: bold, larger.</summary>
    Title,

    /// <summary>Instructions heading: bold.</summary>
    Heading,

    /// <summary>Instructions paragraph: wrapped, top-aligned.</summary>
    Paragraph,

    /// <summary>Instructions table header: bold on a light fill, wrapped.</summary>
    TableHeader,
}

/// <summary>
/// The cell styles of a collection workbook. Header and instruction cells keep the default "locked" protection; data
/// cells are unlocked so that a protected sheet still lets users fill them.
/// </summary>
internal static class WorkbookStyles
{
    /// <summary>The number format of dates, shown as 15/10/2025 whatever the user's locale.</summary>
    public const string DateFormat = "dd/mm/yyyy";

    /// <summary>Excel's built-in text format "@".</summary>
    private const int TextFormatId = 49;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    /// <summary>Gives <paramref name="style"/> (of a cell or a column) the look and protection of <paramref name="kind"/>.</summary>
    public static void Apply(IXLStyle style, WorkbookStyle kind)
    {
        switch (kind)
        {
            case WorkbookStyle.Locked:
                style.Protection.SetLocked();
                break;
            case WorkbookStyle.Header:
                style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Border.SetBottomBorder(XLBorderStyleValues.Thin)
                    .NumberFormat.SetNumberFormatId(TextFormatId).Alignment.SetVertical(XLAlignmentVerticalValues.Center)
                    .Protection.SetLocked(); // over the unlocked style of its column
                break;
            case WorkbookStyle.Data:
                style.Protection.SetLocked(false);
                break;
            case WorkbookStyle.Text:
                style.NumberFormat.SetNumberFormatId(TextFormatId).Protection.SetLocked(false);
                break;
            case WorkbookStyle.Date:
                style.NumberFormat.SetFormat(DateFormat).Protection.SetLocked(false);
                break;
            case WorkbookStyle.Title:
                style.Font.SetBold().Font.SetFontSize(14);
                break;
            case WorkbookStyle.Heading:
                style.Font.SetBold();
                break;
            case WorkbookStyle.Paragraph:
                style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                break;
            case WorkbookStyle.TableHeader:
                style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Border.SetBottomBorder(XLBorderStyleValues.Thin)
                    .Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
