using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>
/// Baseline balance of the covariates between the focal group and each comparison group, on each sample the analysis
/// assessed: everyone enrolled, the analytic sample of each analysed wave, and the enrolled after propensity weighting.
/// </summary>
/// <param name="Summary">French summary: the What Works Clearinghouse bands on the analytic samples.</param>
/// <param name="Samples">One view per sample, enrolled first, weighted last.</param>
/// <param name="LovePlot">The "love plot" of standardised differences, before and (when an analysis weights) after weighting; null when no difference can be published.</param>
public sealed record BalanceSection(string Summary, ImmutableArray<BalanceSampleView> Samples, Chart? LovePlot);

/// <summary>Balance on one sample.</summary>
/// <param name="Name">The sample as the analysis names it ("inscrits", "observés à T2", "inscrits, après pondération").</param>
/// <param name="Title">French title ("Familles inscrites", "Échantillon analysé à T2 — Fin d'année").</param>
/// <param name="IsAnalyticSample">Whether the sample is the one an analysis uses at a wave (observed at that wave): the What Works Clearinghouse judges equivalence there.</param>
/// <param name="IsWeighted">Whether the differences are measured after propensity weighting.</param>
/// <param name="Summary">French summary of the sample (bands, or largest difference after weighting).</param>
/// <param name="Rows">One row per comparison group and covariate.</param>
/// <param name="Table">The balance table of the sample.</param>
public sealed record BalanceSampleView(string Name, string Title, bool IsAnalyticSample, bool IsWeighted, string Summary, ImmutableArray<BalanceRowView> Rows, ReportTable Table);

/// <summary>Balance of one covariate for one contrast on one sample.</summary>
/// <param name="CovariateLabel">Covariate label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalN">Focal participants with a value ("s" when hidden).</param>
/// <param name="ComparisonN">Comparison participants with a value.</param>
/// <param name="FocalMean">Mean (share for a binary covariate) in the focal group; weighted in a weighted sample.</param>
/// <param name="ComparisonMean">Mean in the comparison group; weighted in a weighted sample.</param>
/// <param name="StandardizedDifference">Difference before weighting ("0,12"): standardised by the focal group's standard deviation, or a difference of proportions for a binary covariate (cobalt's conventions).</param>
/// <param name="WeightedDifference">The same after weighting, or null on an unweighted sample.</param>
/// <param name="WwcEffectSize">The What Works Clearinghouse effect size ("0,08 (g de Hedges)", "0,21 (indice de Cox)"), or null on a weighted sample.</param>
/// <param name="BandText">The What Works Clearinghouse verdict ("équivalence satisfaite", "ajustement statistique requis", "équivalence non satisfaite", "non calculable"), or null on a weighted sample.</param>
/// <param name="IsShown">False when the row is withheld by disclosure control.</param>
public sealed record BalanceRowView(
    string CovariateLabel,
    string ComparisonLabel,
    string FocalN,
    string ComparisonN,
    string FocalMean,
    string ComparisonMean,
    string StandardizedDifference,
    string? WeightedDifference,
    string? WwcEffectSize,
    string? BandText,
    bool IsShown);

/// <summary>Attrition per wave and contrast, judged against both What Works Clearinghouse boundaries.</summary>
/// <param name="Summary">French summary.</param>
/// <param name="Rows">One row per analysed wave and contrast.</param>
/// <param name="Table">The attrition table.</param>
public sealed record AttritionSection(string Summary, ImmutableArray<AttritionRowView> Rows, ReportTable Table);

/// <summary>Attrition of one contrast at one wave.</summary>
/// <param name="WaveLabel">Wave label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalRate">Attrition of the focal group ("9,3 %" or "s").</param>
/// <param name="ComparisonRate">Attrition of the comparison group.</param>
/// <param name="OverallRate">Overall attrition of the two groups ("18,2 %" or "s").</param>
/// <param name="DifferentialPoints">Differential attrition ("4,1 points" or "s").</param>
/// <param name="CautiousVerdict">"attrition faible" or "attrition élevée" under the cautious boundary.</param>
/// <param name="OptimisticVerdict">The same under the optimistic boundary.</param>
/// <param name="IsLowCautious">Whether attrition is low under the cautious boundary.</param>
/// <param name="IsLowOptimistic">Whether attrition is low under the optimistic boundary.</param>
/// <param name="Sentence">French sentence with the rates and both verdicts (rates replaced by "s" when hidden).</param>
public sealed record AttritionRowView(
    string WaveLabel,
    string ComparisonLabel,
    string FocalRate,
    string ComparisonRate,
    string OverallRate,
    string DifferentialPoints,
    string CautiousVerdict,
    string OptimisticVerdict,
    bool IsLowCautious,
    bool IsLowOptimistic,
    string Sentence);

/// <summary>Diagnostics of the propensity weights of a weighting analysis.</summary>
/// <param name="Summary">French summary (effective sample sizes, overlap).</param>
/// <param name="Groups">One row per group.</param>
/// <param name="Overlap">One row per comparison group.</param>
/// <param name="Warnings">French warnings of the propensity model.</param>
/// <param name="Table">Weights per group.</param>
/// <param name="OverlapTable">Overlap of propensity scores per comparison group.</param>
public sealed record WeightingSection(string Summary, ImmutableArray<WeightingRowView> Groups, ImmutableArray<OverlapRowView> Overlap, ImmutableArray<string> Warnings,
    ReportTable Table, ReportTable OverlapTable);

/// <summary>Weights of one group.</summary>
/// <param name="GroupLabel">Group label.</param>
/// <param name="N">Participants weighted.</param>
/// <param name="EffectiveSampleSize">Effective sample size (Kish), "s" when withheld.</param>
/// <param name="MaximumWeight">Largest weight.</param>
/// <param name="LargestWeights">The largest weights, largest first ("3,21 ; 2,87 ; 2,40").</param>
/// <param name="CoefficientOfVariation">Coefficient of variation of the weights.</param>
public sealed record WeightingRowView(string GroupLabel, string N, string EffectiveSampleSize, string MaximumWeight, string LargestWeights, string CoefficientOfVariation);

/// <summary>Overlap of the propensity scores of the focal group and one comparison group.</summary>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalRange">Range of the focal group's scores ("[0,12 ; 0,81]").</param>
/// <param name="ComparisonRange">Range of the comparison group's scores.</param>
/// <param name="CommonSupport">The common support ("[0,12 ; 0,74]"), or "aucun".</param>
/// <param name="FocalOutside">Focal participants outside the common support ("s" when hidden).</param>
/// <param name="ComparisonOutside">Comparison participants outside the common support.</param>
/// <param name="Sentence">French sentence.</param>
public sealed record OverlapRowView(string ComparisonLabel, string FocalRange, string ComparisonRange, string CommonSupport, string FocalOutside, string ComparisonOutside, string Sentence);

/// <summary>What the evaluation could detect: minimum detectable effects with the planned and the observed group sizes.</summary>
/// <param name="Summary">French summary ("Avec les effectifs observés, l'écart minimal détectable est de …").</param>
/// <param name="AssumptionsText">The design assumptions in French (power, risk, intra-school correlation, covariates).</param>
/// <param name="Rows">One row per size source (planned, then each analysed wave) and contrast.</param>
/// <param name="Table">The table.</param>
public sealed record PowerSection(string Summary, string AssumptionsText, ImmutableArray<PowerRowView> Rows, ReportTable Table);

/// <summary>The minimum detectable effect of one contrast with one set of sizes.</summary>
/// <param name="SizesText">"effectifs prévus" or "effectifs observés à T2".</param>
/// <param name="IsPlanned">Whether the sizes are the planned ones.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalN">Focal participants ("s" when hidden).</param>
/// <param name="ComparisonN">Comparison participants.</param>
/// <param name="MinimumDetectableEffect">"0,25 écart-type" ("s" when withheld).</param>
/// <param name="Sentence">French sentence.</param>
public sealed record PowerRowView(string SizesText, bool IsPlanned, string ComparisonLabel, string FocalN, string ComparisonN, string MinimumDetectableEffect, string Sentence);

/// <summary>What the design and the data allow to conclude (an assessment in the spirit of the WWC standards).</summary>
/// <param name="Design">The design in plain French.</param>
/// <param name="Items">One assessment per criterion (design, baseline equivalence, attrition, sample size, multiplicity).</param>
/// <param name="Overall">The overall reading, never stronger than the design allows.</param>
public sealed record EvidenceSection(string Design, ImmutableArray<EvidenceItem> Items, string Overall);

/// <summary>One criterion of the evidence assessment.</summary>
/// <param name="Criterion">The criterion ("Équivalence initiale des groupes").</param>
/// <param name="Assessment">What the data say.</param>
/// <param name="Status">"satisfait", "réserve", "non évalué" or "sans objet" (no comparison between groups to judge).</param>
public sealed record EvidenceItem(string Criterion, string Assessment, string Status);

/// <summary>Data quality: missing values, late collections, warnings.</summary>
/// <param name="Notes">Notes of the analysis on data quality.</param>
/// <param name="Warnings">Warnings of estimators and summaries (deduplicated).</param>
/// <param name="MissingTable">Missing values per indicator and wave.</param>
/// <param name="LateTable">Late collections per group and wave; null when no wave has a fixed date.</param>
public sealed record DataQualitySection(ImmutableArray<string> Notes, ImmutableArray<string> Warnings, ReportTable MissingTable, ReportTable? LateTable);
