namespace ImpactEval.Core.Model;

/// <summary>The degrees of freedom of the t reference of a linear model's tests and intervals.</summary>
public enum DegreesOfFreedomRule
{
    /// <summary>Bell–McCaffrey degrees of freedom of the CR2 variance, per coefficient ("bell_mccaffrey", estimatr's CR2).</summary>
    BellMcCaffrey,

    /// <summary>
    /// Satterthwaite degrees of freedom of the chosen cluster-robust variance, per coefficient, as clubSandwich's
    /// <c>coef_test(test = "Satterthwaite")</c> ("satterthwaite"; with CR2 it equals <see cref="BellMcCaffrey"/>).
    /// </summary>
    Satterthwaite,

    /// <summary>G − 1 for G clusters ("clusters_moins_un", estimatr's CR0 and "stata").</summary>
    ClustersMinusOne,

    /// <summary>n − k, the residual degrees of freedom ("residuel", estimatr's HC and classical).</summary>
    Residual,
}
