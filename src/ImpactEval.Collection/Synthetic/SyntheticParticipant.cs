using System.Collections.Immutable;

namespace ImpactEval.Collection.Synthetic;

/// <summary>One synthetic family of the demo cohort, as a cité would hold it before import.</summary>
/// <param name="Identifier">The cité's identifier (synthetic: "PS25-0001"); pseudonymised on import.</param>
/// <param name="Group">Group code.</param>
/// <param name="School">School (cluster) code.</param>
/// <param name="EnrolledOn">Enrolment date.</param>
/// <param name="Baseline">Baseline covariate values by code.</param>
/// <param name="Waves">Observed values per wave code: collection date and values by indicator code (missing values absent).</param>
public sealed record SyntheticParticipant(
    string Identifier,
    string Group,
    string School,
    DateOnly EnrolledOn,
    ImmutableDictionary<string, double> Baseline,
    ImmutableDictionary<string, SyntheticWaveRecord> Waves);

/// <summary>What was collected for one participant at one wave.</summary>
/// <param name="CollectedOn">Collection date.</param>
/// <param name="Values">Values by indicator code; an indicator not collected is absent.</param>
public sealed record SyntheticWaveRecord(DateOnly CollectedOn, ImmutableDictionary<string, double> Values);

/// <summary>The true average effect on the focal group (ATT) of one contrast, on the indicator's own scale.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Wave">Wave code.</param>
/// <param name="Comparison">Comparison group code (the focal group is BEN).</param>
/// <param name="Effect">Mean over focal participants of E[Y | focal] − E[Y | comparison], given their covariates and school.</param>
public sealed record SyntheticTruth(string Indicator, string Wave, string Comparison, double Effect);
