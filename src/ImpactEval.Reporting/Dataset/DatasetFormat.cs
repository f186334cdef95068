namespace ImpactEval.Reporting.Dataset;

/// <summary>A file format of the analysis dataset export.</summary>
public enum DatasetFormat
{
    /// <summary>CSV for R (<c>read.csv</c>) and pandas: comma-separated, decimal point, round-trip doubles, NA; with <c>reproduire.R</c>.</summary>
    Csv,
    /// <summary>An Excel workbook: the data and the codebook, one sheet each.</summary>
    Xlsx,
    /// <summary>Apache Parquet (R's arrow, pandas), typed columns with nulls; the codebook beside it in CSV.</summary>
    Parquet,
}
