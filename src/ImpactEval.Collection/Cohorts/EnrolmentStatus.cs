using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Cohorts;

/// <summary>Where a participant stands in the follow-up of a protocol.</summary>
public enum EnrolmentStatus
{
    /// <summary>Followed: values are expected at every wave still to come ("actif").</summary>
    Active,

    /// <summary>Followed to the end of the protocol ("suivi terminé"): no value is expected after that date.</summary>
    Completed,

    /// <summary>The family asked to stop, or the partner stopped the follow-up ("retiré"); a reason is required.</summary>
    Withdrawn,

    /// <summary>No longer reachable ("perdu de vue").</summary>
    LostToFollowUp,

    /// <summary>Moved out of the territory ("a déménagé").</summary>
    MovedAway,
}

/// <summary>Stored codes and French labels of <see cref="EnrolmentStatus"/>.</summary>
public static class EnrolmentStatusText
{
    /// <summary>The code stored in <c>enrolments.Status</c>: "active", "completed", "withdrawn", "lost", "moved".</summary>
    public static string Code(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "active",
        EnrolmentStatus.Completed => "completed",
        EnrolmentStatus.Withdrawn => "withdrawn",
        EnrolmentStatus.LostToFollowUp => "lost",
        _ => "moved",
    };

    /// <summary>The French label shown to users.</summary>
    public static string Label(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "actif",
        EnrolmentStatus.Completed => "suivi terminé",
        EnrolmentStatus.Withdrawn => "retiré",
        EnrolmentStatus.LostToFollowUp => "perdu de vue",
        _ => "a déménagé",
    };

    /// <summary>Whether the participant has left the follow-up before its end (withdrawn, lost, moved): attrition.</summary>
    public static bool IsAttrition(this EnrolmentStatus status) =>
        status is EnrolmentStatus.Withdrawn or EnrolmentStatus.LostToFollowUp or EnrolmentStatus.MovedAway;

    /// <summary>Reads a stored code; unknown codes are a bug in the store.</summary>
    /// <exception cref="FormatException">The code is not one of the five stored codes.</exception>
    public static EnrolmentStatus FromCode(string code) => code switch
    {
        "active" => EnrolmentStatus.Active,
        "completed" => EnrolmentStatus.Completed,
        "withdrawn" => EnrolmentStatus.Withdrawn,
        "lost" => EnrolmentStatus.LostToFollowUp,
        "moved" => EnrolmentStatus.MovedAway,
        _ => throw new FormatException($"Unknown enrolment status code '{code}'."),
    };

    /// <summary>
    /// Reads what a user typed: a stored code or a French label, case- and accent-insensitive ("retiré", "perdu de vue",
    /// "demenage", "termine", "withdrawn"…).
    /// </summary>
    public static bool TryParse(string text, out EnrolmentStatus status)
    {
        status = TextKey.Normalize(text) switch
        {
            "active" or "actif" or "active e" or "actif ve" => EnrolmentStatus.Active,
            "completed" or "termine" or "suivi termine" or "fin de suivi" => EnrolmentStatus.Completed,
            "withdrawn" or "retire" or "retrait" or "abandon" => EnrolmentStatus.Withdrawn,
            "lost" or "perdu" or "perdu de vue" or "perdue de vue" => EnrolmentStatus.LostToFollowUp,
            "moved" or "demenage" or "a demenage" or "demenagement" => EnrolmentStatus.MovedAway,
            _ => (EnrolmentStatus)(-1),
        };
        return Enum.IsDefined(status);
    }
}
