namespace ImpactEval.Data.Entities;

/// <summary>The value of one baseline covariate for one enrolment.</summary>
public sealed class BaselineValue
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The enrolment.</summary>
    public int EnrolmentId { get; set; }

    /// <summary>Covariate code from the protocol file.</summary>
    public required string CovariateCode { get; set; }

    /// <summary>The stored numeric value (level value for labelled scales, 1/0 for binary).</summary>
    public double Value { get; set; }
}
