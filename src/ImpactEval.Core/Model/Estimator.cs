namespace ImpactEval.Core.Model;

/// <summary>The estimator an analysis uses for its contrasts (see docs/protocol-language.md for the choice).</summary>
public enum Estimator
{
    /// <summary>Difference in means with Welch's standard error ("difference_moyennes").</summary>
    DifferenceInMeans,
    /// <summary>Linear regression of the outcome on the group, its baseline value and covariates, cluster-robust CR2 errors ("ancova").</summary>
    Ancova,
    /// <summary>Lin's interacted regression: covariates centred and interacted with the group ("lin").</summary>
    Lin,
    /// <summary>Difference-in-differences between a baseline wave and the analysis wave ("did").</summary>
    DifferenceInDifferences,
    /// <summary>Proportional-odds (ordered logit) regression for ordinal outcomes ("logit_ordonne").</summary>
    OrderedLogit,
    /// <summary>Logistic regression for binary outcomes ("logistique").</summary>
    Logistic,
    /// <summary>Propensity weighting (ATT weights for the focal group) then weighted regression ("ponderation").</summary>
    Weighting,
}
