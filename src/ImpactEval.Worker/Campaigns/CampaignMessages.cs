using System.Globalization;
using System.Text;
using ImpactEval.Collection.Campaigns;

namespace ImpactEval.Worker.Campaigns;

/// <summary>The French texts of campaign e-mails.</summary>
public static class CampaignMessages
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The subject and body of a reminder to a respondent who still owes data.</summary>
    public static (string Subject, string Body) Reminder(DataOwed owed, ReminderStage stage, DateOnly today)
    {
        var closing = Day(owed.ClosesOn);
        var subject = stage switch
        {
            ReminderStage.WeekBefore => $"[ImpactEval] Rappel : la campagne « {owed.Label} » se clôt le {closing}",
            ReminderStage.DayBefore when today >= owed.ClosesOn => $"[ImpactEval] Dernier jour : la campagne « {owed.Label} » se clôt aujourd'hui",
            ReminderStage.DayBefore => $"[ImpactEval] Rappel : la campagne « {owed.Label} » se clôt demain",
            _ => $"[ImpactEval] Données en retard : la campagne « {owed.Label} » est close",
        };
        var body = new StringBuilder().AppendLine("Bonjour,").AppendLine();
        body.AppendLine(stage == ReminderStage.Overdue
            ? $"La campagne de collecte « {owed.Label} » est close depuis le {Day(owed.ClosesOn.AddDays(1))}."
            : $"La campagne de collecte « {owed.Label} » se clôt le {closing} au soir.");
        body.AppendLine($"Il manque encore {owed.Missing} saisie(s) sur {owed.Expected} attendue(s) pour {Respondent(owed)}.");
        body.AppendLine();
        body.AppendLine(stage == ReminderStage.Overdue
            ? owed.LocksOn is { } locks
                ? $"Les données restent acceptées, en retard, jusqu'au {Day(locks.AddDays(-1))} inclus ; la campagne sera ensuite verrouillée."
                : "Les données restent acceptées, en retard."
            : "Merci de transmettre les données avant cette date (fichier à importer ou classeur de collecte).");
        body.AppendLine().AppendLine("Si les données ont été envoyées entre-temps, ne tenez pas compte de ce message.").AppendLine();
        body.AppendLine($"— ImpactEval, pour la cité éducative {owed.Territory} (message automatique, campagne {owed.Campaign})");
        return (subject, body.ToString());
    }

    /// <summary>The announcement of a campaign's opening to a respondent.</summary>
    public static (string Subject, string Body) Opened(DataOwed owed)
    {
        var subject = $"[ImpactEval] Ouverture de la campagne « {owed.Label} »";
        var body = new StringBuilder().AppendLine("Bonjour,").AppendLine()
            .AppendLine($"La campagne de collecte « {owed.Label} » est ouverte jusqu'au {Day(owed.ClosesOn)} inclus.")
            .AppendLine($"{owed.Expected} saisie(s) sont attendues pour {Respondent(owed)}.")
            .AppendLine().AppendLine("Merci de transmettre les données avant cette date (fichier à importer ou classeur de collecte).").AppendLine()
            .AppendLine($"— ImpactEval, pour la cité éducative {owed.Territory} (message automatique, campagne {owed.Campaign})")
            .ToString();
        return (subject, body);
    }

    /// <summary>The notice to a territory's team that a campaign is now locked.</summary>
    public static (string Subject, string Body) Locked(CampaignTransition transition, string territory)
    {
        var subject = $"[ImpactEval] Campagne « {transition.Label} » verrouillée";
        var body = new StringBuilder().AppendLine("Bonjour,").AppendLine()
            .AppendLine($"La campagne de collecte « {transition.Label} » ({transition.Campaign}) est désormais verrouillée : ses données ne peuvent plus être modifiées.")
            .AppendLine($"Une saisie tardive demande une dérogation du coordinateur (impacteval campaign exception {transition.Campaign} --until JJ/MM/AAAA --reason \"…\").")
            .AppendLine().AppendLine($"— ImpactEval, pour la cité éducative {territory} (message automatique)")
            .ToString();
        return (subject, body);
    }

    private static string Respondent(DataOwed owed) => owed.Cluster is { } school ? $"l'école {school} ({owed.Territory})" : $"la cité éducative {owed.Territory}";

    private static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);
}
