namespace ImpactEval.Collection.Cohorts;

/// <summary>Where one participant's wave stands on a given day.</summary>
public enum WaveState
{
    /// <summary>Not expected: enrolled after the wave's window closed, or the follow-up was completed before it.</summary>
    NotExpected,

    /// <summary>The window has not opened yet.</summary>
    Upcoming,

    /// <summary>The window is open and nothing has been collected yet ("à recueillir").</summary>
    Open,

    /// <summary>The window has closed, nothing was collected, and the participant is still followed ("en retard"): a reminder is due.</summary>
    Overdue,

    /// <summary>Nothing collected and the participant has left the follow-up (withdrawn, lost, moved away): attrition.</summary>
    Left,

    /// <summary>Collected before the window opened.</summary>
    CollectedEarly,

    /// <summary>Collected within the window.</summary>
    CollectedOnTime,

    /// <summary>Collected after the window closed.</summary>
    CollectedLate,
}

/// <summary>French labels of <see cref="WaveState"/>.</summary>
public static class WaveStateText
{
    /// <summary>Whether at least one value was collected.</summary>
    public static bool IsCollected(this WaveState state) => state is WaveState.CollectedEarly or WaveState.CollectedOnTime or WaveState.CollectedLate;

    /// <summary>The French label shown to users.</summary>
    public static string Label(this WaveState state) => state switch
    {
        WaveState.NotExpected => "non attendu",
        WaveState.Upcoming => "à venir",
        WaveState.Open => "à recueillir",
        WaveState.Overdue => "en retard",
        WaveState.Left => "sorti du suivi",
        WaveState.CollectedEarly => "recueilli en avance",
        WaveState.CollectedOnTime => "recueilli à temps",
        _ => "recueilli en retard",
    };
}
