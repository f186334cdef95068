using ImpactEval.Data.Entities;

namespace ImpactEval.Worker.History;

/// <summary>French labels of run states, for the command line and messages.</summary>
public static class JobRunLabels
{
    /// <summary>The French label of a state ("réussie", "échec définitif"…).</summary>
    public static string Of(JobRunState state) => state switch
    {
        JobRunState.Running => "en cours",
        JobRunState.Succeeded => "réussie",
        JobRunState.Skipped => "rien à faire",
        JobRunState.Retrying => "échec, nouvelle tentative prévue",
        JobRunState.Failed => "échec définitif",
        JobRunState.Cancelled => "annulée",
        JobRunState.Abandoned => "interrompue (processus arrêté), reprise",
        _ => state.ToString(),
    };

    /// <summary>Parses a state given on the command line, in English (enum name) or French ("echec", "en-cours"…).</summary>
    public static JobRunState? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "running" or "en-cours" or "encours" => JobRunState.Running,
        "succeeded" or "reussie" or "réussie" => JobRunState.Succeeded,
        "skipped" or "rien" => JobRunState.Skipped,
        "retrying" or "nouvelle-tentative" => JobRunState.Retrying,
        "failed" or "echec" or "échec" => JobRunState.Failed,
        "cancelled" or "annulee" or "annulée" => JobRunState.Cancelled,
        "abandoned" or "interrompue" => JobRunState.Abandoned,
        _ => null,
    };
}
