using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The cell styles of a collection workbook (indexes into cellXfs). Header and instruction cells keep the default
/// "locked" protection; data cells are unlocked so that a protected sheet still lets users fill them.
/// </summary>
internal static class WorkbookStyles
{
    /// <summary>The custom number format of dates, shown as 15/10/2025 whatever the user's locale.</summary>
    public const uint DateFormatId = 164;

    /// <summary>Locked, general format (cells outside the table).</summary>
    public const uint Locked = 0;

    /// <summary>Header cell: bold on a light fill, bottom border, locked.</summary>
    public const uint Header = 1;

    /// <summary>Unlocked data cell, general format (numbers and chosen labels).</summary>
    public const uint Data = 2;

    /// <summary>Unlocked data cell in text format "@", so that "00123" stays text.</summary>
    public const uint Text = 3;

    /// <summary>Unlocked text cell with the quote prefix: a text starting with = + - @ stays text when edited.</summary>
    public const uint QuotedText = 4;

    /// <summary>Unlocked date cell shown dd/mm/yyyy.</summary>
    public const uint Date = 5;

    /// <summary>Instructions title: bold, larger.</summary>
    public const uint Title = 6;

    /// <summary>Instructions heading: bold.</summary>
    public const uint Heading = 7;

    /// <summary>Instructions paragraph: wrapped, top-aligned.</summary>
    public const uint Paragraph = 8;

    /// <summary>Instructions table header: bold on a light fill, wrapped.</summary>
    public const uint TableHeader = 9;

    /// <summary>The stylesheet holding the styles above, in that order.</summary>
    public static Stylesheet Create()
    {
        var unlocked = () => new Protection { Locked = false };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(unlocked()) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyProtection = true },
                new CellFormat(unlocked()) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyProtection = true },
                new CellFormat(unlocked()) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyProtection = true, QuotePrefix = true },
                new CellFormat(unlocked()) { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyProtection = true },
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true }) { Count = 10 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
