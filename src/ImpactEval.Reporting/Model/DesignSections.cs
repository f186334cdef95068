using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>Baseline balance of the covariates between the focal group and each comparison group.</summary>
/// <param name="Rows">One row per covariate and comparison group.</param>
/// <param name="Summary">French summary (how many covariates in each What Works Clearinghouse band).</param>
/// <param name="Table">The balance table.</param>
/// <param name="LovePlot">The "love plot" of standardised differences.</param>
public sealed record BalanceSection(ImmutableArray<BalanceRowView> Rows, string Summary, ReportTable Table, Chart LovePlot);

/// <summary>Balance of one covariate for one contrast.</summary>
/// <param name="CovariateLabel">Covariate label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalMean">Mean (share for a binary covariate) in the focal group.</param>
/// <param name="ComparisonMean">Mean in the comparison group.</param>
/// <param name="StandardizedDifference">Standardised difference ("0,12").</param>
/// <param name="WeightedDifference">After weighting, or null.</param>
/// <param name="BandText">WWC band in French ("équivalence satisfaite", "ajustement statistique requis", "équivalence non satisfaite").</param>
public sealed record BalanceRowView(string CovariateLabel, string ComparisonLabel, string FocalMean, string ComparisonMean, string StandardizedDifference, string? WeightedDifference, string BandText);

/// <summary>Attrition per wave and contrast, judged against the What Works Clearinghouse boundaries.</summary>
/// <param name="Rows">One row per wave and contrast.</param>
/// <param name="Summary">French summary.</param>
/// <param name="Table">The attrition table.</param>
public sealed record AttritionSection(ImmutableArray<AttritionRowView> Rows, string Summary, ReportTable Table);

/// <summary>Attrition of one contrast at one wave.</summary>
/// <param name="WaveLabel">Wave label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="OverallRate">Overall attrition ("18,2 %" or "s").</param>
/// <param name="DifferentialPoints">Differential attrition in points ("4,1 points" or "s").</param>
/// <param name="BoundaryText">"limite prudente" or "limite optimiste".</param>
/// <param name="Verdict">"attrition faible" or "attrition élevée".</param>
/// <param name="IsLow">Whether attrition is low.</param>
public sealed record AttritionRowView(string WaveLabel, string ComparisonLabel, string OverallRate, string DifferentialPoints, string BoundaryText, string Verdict, bool IsLow);

/// <summary>Diagnostics of propensity weights.</summary>
/// <param name="Rows">One row per group.</param>
/// <param name="Summary">French summary.</param>
/// <param name="Table">The diagnostics table.</param>
public sealed record WeightingSection(ImmutableArray<WeightingRowView> Rows, string Summary, ReportTable Table);

/// <summary>Weights of one group.</summary>
/// <param name="GroupLabel">Group label.</param>
/// <param name="N">Participants.</param>
/// <param name="EffectiveSampleSize">Effective sample size.</param>
/// <param name="MaximumWeight">Largest weight.</param>
/// <param name="CoefficientOfVariation">Coefficient of variation of the weights.</param>
public sealed record WeightingRowView(string GroupLabel, string N, string EffectiveSampleSize, string MaximumWeight, string CoefficientOfVariation);

/// <summary>Power and minimum detectable effects.</summary>
/// <param name="Rows">One row per outcome and contrast.</param>
/// <param name="Summary">French summary.</param>
/// <param name="Table">The table.</param>
public sealed record PowerSection(ImmutableArray<PowerRowView> Rows, string Summary, ReportTable Table);

/// <summary>Power of one contrast.</summary>
/// <param name="IndicatorLabel">Indicator label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="MinimumDetectableEffect">Smallest standardised effect detectable with the stated power ("0,31 écart-type").</param>
/// <param name="MinimumDetectableInUnit">The same in the indicator's unit, or null.</param>
/// <param name="Sentence">French sentence.</param>
public sealed record PowerRowView(string IndicatorLabel, string ComparisonLabel, string MinimumDetectableEffect, string? MinimumDetectableInUnit, string Sentence);

/// <summary>What the design and the data allow to conclude (an assessment in the spirit of the WWC standards).</summary>
/// <param name="Design">The design in plain French.</param>
/// <param name="Items">One assessment per criterion (design, baseline equivalence, attrition, sample size, multiplicity).</param>
/// <param name="Overall">The overall reading, never stronger than the design allows.</param>
public sealed record EvidenceSection(string Design, ImmutableArray<EvidenceItem> Items, string Overall);

/// <summary>One criterion of the evidence assessment.</summary>
/// <param name="Criterion">The criterion ("Équivalence initiale des groupes").</param>
/// <param name="Assessment">What the data say.</param>
/// <param name="Status">"satisfait", "réserve" or "non évalué".</param>
public sealed record EvidenceItem(string Criterion, string Assessment, string Status);

/// <summary>Data quality: missing values, late collections, warnings.</summary>
/// <param name="Notes">Notes of the analysis on data quality.</param>
/// <param name="Warnings">Warnings of estimators and summaries (deduplicated).</param>
/// <param name="MissingTable">Missing values per indicator and wave.</param>
/// <param name="LateTable">Late collections per group and wave; null when no wave has a fixed date.</param>
public sealed record DataQualitySection(ImmutableArray<string> Notes, ImmutableArray<string> Warnings, ReportTable MissingTable, ReportTable? LateTable);
