namespace ImpactEval.Collection.Campaigns;

/// <summary>Where a campaign stands on a given day (DHIS2's open / close / expiry periods, without the weight).</summary>
public enum CampaignState
{
    /// <summary>Before the opening date ("prévue").</summary>
    Planned,

    /// <summary>From the opening date to the closing date inclusive: values are on time ("ouverte").</summary>
    Open,

    /// <summary>After the closing date, within the expiry days: values are still accepted but late ("close").</summary>
    Closed,

    /// <summary>After the expiry days: nothing more is written without a coordinator's exception ("verrouillée").</summary>
    Locked,
}

/// <summary>Stored codes and French labels of <see cref="CampaignState"/>.</summary>
public static class CampaignStateText
{
    /// <summary>The code stored in <c>campaigns.State</c>.</summary>
    public static string Code(this CampaignState state) => state switch
    {
        CampaignState.Planned => "planned",
        CampaignState.Open => "open",
        CampaignState.Closed => "closed",
        _ => "locked",
    };

    /// <summary>Reads a stored code.</summary>
    /// <exception cref="FormatException">Not a stored code (a bug in the store).</exception>
    public static CampaignState FromCode(string code) => code switch
    {
        "planned" => CampaignState.Planned,
        "open" => CampaignState.Open,
        "closed" => CampaignState.Closed,
        "locked" => CampaignState.Locked,
        _ => throw new FormatException($"Unknown campaign state '{code}'."),
    };

    /// <summary>The French label.</summary>
    public static string Label(this CampaignState state) => state switch
    {
        CampaignState.Planned => "prévue",
        CampaignState.Open => "ouverte",
        CampaignState.Closed => "close (retards acceptés)",
        _ => "verrouillée",
    };
}
