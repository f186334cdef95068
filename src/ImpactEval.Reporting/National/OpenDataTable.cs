using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactEval.Analysis.National;

namespace ImpactEval.Reporting.National;

/// <summary>
/// The open data of a questionnaire campaign: one row per cité × question answered, with codes, labels, campaign and
/// period, as a UTF-8 CSV (comma-separated, decimal point: machine-readable, as data.gouv.fr expects) described by a
/// Frictionless table schema. The rows are the cités' institutional answers (no person appears in a revue de projet),
/// never free text; questions a cité left blank have no row.
/// </summary>
public static class OpenDataTable
{
    /// <summary>The columns: name, Frictionless type, French description.</summary>
    public static readonly (string Name, string Type, string Description)[] Fields =
    [
        ("campagne", "string", "Code de la campagne (par exemple revue-2024)"),
        ("periode", "string", "Période décrite par les réponses (année scolaire 2023-2024, année 2025, trimestre 2025-T1…)"),
        ("territoire", "string", "Code de la cité éducative"),
        ("nom_territoire", "string", "Nom de la cité éducative"),
        ("question", "string", "Code de la question (indicateur du questionnaire)"),
        ("libelle_question", "string", "Texte de la question"),
        ("question_choix_multiples", "string", "Code de la question à choix multiples dont la réponse est une option, vide sinon"),
        ("valeur", "number", "Valeur enregistrée (niveau de la réponse pour une question à choix, 1 ou 0 pour oui ou non, nombre sinon)"),
        ("libelle_valeur", "string", "Libellé de la réponse pour une question à choix ; vide pour un nombre"),
    ];

    /// <summary>The rows, ordered by cité then question (protocol order).</summary>
    public static IReadOnlyList<string[]> Rows(CampaignAnswers answers)
    {
        var protocol = answers.Protocol;
        var names = answers.Campaign.Territories.ToDictionary(t => t.Code, t => t.Name ?? t.Code, StringComparer.Ordinal);
        var order = protocol.Indicators.Select((i, n) => (i.Code, n)).ToDictionary(x => x.Code, x => x.n, StringComparer.Ordinal);
        return [.. answers.Values.Where(v => names.ContainsKey(v.Territory))
            .OrderBy(v => v.Territory, StringComparer.Ordinal).ThenBy(v => order[v.Indicator])
            .Select(v =>
            {
                var indicator = protocol.FindIndicator(v.Indicator)!;
                return new[]
                {
                    answers.Campaign.Code, answers.Campaign.Period, v.Territory, names[v.Territory], indicator.Code, indicator.Label,
                    protocol.MultipleChoiceOf(indicator.Code)?.Code ?? "", v.Value.ToString("R", CultureInfo.InvariantCulture),
                    indicator.Scale.IsLabelled ? indicator.Scale.Label(v.Value) : "",
                };
            })];
    }

    /// <summary>Writes the CSV (header row, then <see cref="Rows"/>; fields quoted when they hold a comma, a quote or a line break).</summary>
    public static void WriteCsv(CampaignAnswers answers, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Fields.Select(f => f.Name)));
        foreach (var row in Rows(answers)) writer.WriteLine(string.Join(',', row.Select(Quote)));
    }

    /// <summary>The Frictionless table schema of the CSV (JSON), with the primary key campagne × territoire × question.</summary>
    public static string Schema(CampaignAnswers answers) => new JsonObject
    {
        ["title"] = $"Réponses à la campagne « {answers.Campaign.Label} » ({answers.Campaign.Period})",
        ["description"] = "Une ligne par cité éducative et par question renseignée. Les questions laissées sans réponse n'ont pas de ligne. Produit par ImpactEval.",
        ["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["description"] = f.Description })]),
        ["primaryKey"] = new JsonArray("campagne", "territoire", "question"),
        ["missingValues"] = new JsonArray(""),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
