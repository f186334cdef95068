namespace ImpactEval.Collection.Import;

/// <summary>The kind of a tabular file, recognised from its first bytes (never from its name).</summary>
public enum TabularFormat
{
    /// <summary>Delimited text (CSV, semicolon or tab separated); anything that is not a known binary format.</summary>
    Csv,

    /// <summary>An Office Open XML workbook (.xlsx): a zip archive ("PK" signature).</summary>
    Xlsx,

    /// <summary>An OLE2 compound file: an Excel 97-2003 workbook (.xls) or a password-protected workbook. Not read.</summary>
    LegacyExcel,
}
