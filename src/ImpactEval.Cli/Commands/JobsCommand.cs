using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactEval.Worker;
using ImpactEval.Worker.Access;
using ImpactEval.Worker.Api;
using ImpactEval.Worker.Extensions;
using ImpactEval.Worker.History;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval jobs</c>: the history of scheduled jobs, read from the store (works with the service stopped);
/// <c>impacteval jobs scheduled</c>, <c>impacteval jobs trigger GROUPE.NOM</c> and <c>impacteval jobs resume GROUPE.NOM</c>
/// ask the running service's API with an administrator key (--key, $IMPACTEVAL_API_KEY, or the key the service wrote
/// at its first start in the data directory).
/// </summary>
public static class JobsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var job = new Option<string?>("--job", "-j") { Description = "Une tâche (groupe.nom, par exemple recompute.passerelles) ou un groupe (recompute)." };
        var status = new Option<string?>("--status", "-s") { Description = "Seulement ce statut : en-cours, reussie, echec, nouvelle-tentative, annulee, interrompue." };
        var limit = new Option<int>("--limit") { Description = "Nombre d'exécutions affichées.", DefaultValueFactory = _ => 30 };
        var command = new Command("jobs", "Historique des tâches planifiées (les plus récentes d'abord).") { job, status, limit };
        command.Subcommands.Add(Scheduled());
        command.Subcommands.Add(Trigger());
        command.Subcommands.Add(Resume());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetValue(status) is { } text ? JobRunLabels.Parse(text) : null;
            if (parse.GetValue(status) is { } given && wanted is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Statut inconnu « {Markup.Escape(given)} ».");
                return ExitCodes.InvalidInput;
            }
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var runs = await new JobHistory(db).RecentAsync(parse.GetValue(job), wanted, parse.GetValue(limit), cancellationToken);
            if (runs.Count == 0)
            {
                AnsiConsole.MarkupLine("[grey]Aucune exécution enregistrée.[/]");
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(RunTable(runs, LocalZone(context)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The history table, dates in <paramref name="zone"/> (the worker's Worker:TimeZone).</summary>
    public static Table RunTable(IEnumerable<JobRunView> runs, TimeZoneInfo zone)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("N°", "Tâche", "Déclencheur", "Nœud", "Prévue", "Durée", "Statut", "Détail");
        foreach (var run in runs)
        {
            var duration = run.EndedAt is { } end ? Duration(end - run.StartedAt) : "…";
            var statusText = JobRunLabels.Of(run.Status) + (run.Attempt > 0 ? $" (essai {run.Attempt + 1})" : "") + (run.Recovering ? " [reprise]" : "");
            table.AddRow(
                Markup.Escape(run.Id.ToString(CultureInfo.InvariantCulture)), Markup.Escape(run.Job), Markup.Escape(run.Trigger), Markup.Escape(run.Node),
                Markup.Escape(Local(run.ScheduledAt, zone)), Markup.Escape(duration), Markup.Escape(statusText), Markup.Escape(run.Error ?? run.Summary ?? ""));
        }
        return table;
    }

    private static Command Scheduled()
    {
        var url = UrlOption();
        var key = KeyOption();
        var command = new Command("scheduled", "Les tâches du service en marche, leurs planifications et leur prochaine exécution.") { url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = Client(parse, url, key);
            using var response = await http.GetAsync("api/jobs", cancellationToken);
            if (!response.IsSuccessStatusCode) return await RefusedAsync(response, cancellationToken);
            var jobs = await response.Content.ReadFromJsonAsync<JobView[]>(Json, cancellationToken) ?? [];
            var zone = LocalZone(CliContext.From(parse));
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Tâche", "Déclencheur", "État", "Prochaine", "Précédente");
            foreach (var job in jobs)
            foreach (var trigger in job.Triggers.DefaultIfEmpty())
                table.AddRow(Markup.Escape(job.Key), Markup.Escape(trigger?.Key ?? "—"), Markup.Escape(trigger?.State ?? ""),
                    Markup.Escape(trigger?.NextFireUtc is { } next ? Local(next.UtcDateTime, zone) : "—"),
                    Markup.Escape(trigger?.PreviousFireUtc is { } previous ? Local(previous.UtcDateTime, zone) : "—"));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Trigger() => JobAction("trigger", "Exécute une tâche tout de suite sur le service en marche.", async (key, response, cancellationToken) =>
    {
        var triggered = await response.Content.ReadFromJsonAsync<TriggeredJob>(Json, cancellationToken);
        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(key)} déclenchée ({Markup.Escape(triggered?.Trigger ?? "")}). Suivi : impacteval jobs --job {Markup.Escape(key)}");
    });

    private static Command Resume() => JobAction("resume", "Reprend une tâche suspendue après un échec définitif.", (key, _, _) =>
    {
        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(key)} reprise : ses déclencheurs suivent de nouveau leur calendrier.");
        return Task.CompletedTask;
    });

    /// <summary>A subcommand that POSTs to /api/jobs/{group}/{name}/{verb} on the running service.</summary>
    private static Command JobAction(string verb, string description, Func<string, HttpResponseMessage, CancellationToken, Task> success)
    {
        var url = UrlOption();
        var key = KeyOption();
        var job = new Argument<string>("tâche") { Description = "La tâche, groupe.nom (par exemple recompute.passerelles)." };
        var command = new Command(verb, description) { job, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var jobKey = parse.GetValue(job)!;
            var dot = jobKey.IndexOf('.');
            if (dot <= 0)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] « {Markup.Escape(jobKey)} » : attendu groupe.nom, par exemple recompute.passerelles.");
                return ExitCodes.InvalidInput;
            }
            using var http = Client(parse, url, key);
            using var response = await http.PostAsync($"api/jobs/{Uri.EscapeDataString(jobKey[..dot])}/{Uri.EscapeDataString(jobKey[(dot + 1)..])}/{verb}", null, cancellationToken);
            if (!response.IsSuccessStatusCode) return await RefusedAsync(response, cancellationToken);
            await success(jobKey, response, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The service's refusal (unknown job, missing or refused key…), printed from its French problem details.</summary>
    private static async Task<int> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var detail = response.ReasonPhrase ?? "";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var text)) detail = text.GetString() ?? detail;
        }
        catch (JsonException) { }
        AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(detail)}");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            AnsiConsole.MarkupLine($"[grey]Ces commandes demandent une clé d'administrateur : --key, ou la variable {ApiKeyVariable}, " +
                                   $"ou la clé du premier démarrage ({AccessOptions.DefaultKeyFileName} dans le dossier des données).[/]");
        return ExitCodes.InvalidInput;
    }

    /// <summary>An HTTP client on the service, sending the administrator key when one is found.</summary>
    private static HttpClient Client(ParseResult parse, Option<string> url, Option<string?> key)
    {
        var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!) };
        if (ApiKey(parse, key) is { } value) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", value);
        return http;
    }

    /// <summary>
    /// The API key: --key, else $IMPACTEVAL_API_KEY, else the key written at the service's first start in the data
    /// directory (same machine, same --data), else none.
    /// </summary>
    private static string? ApiKey(ParseResult parse, Option<string?> key)
    {
        if (parse.GetValue(key) is { Length: > 0 } given) return given.Trim();
        if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } variable) return variable.Trim();
        var context = CliContext.From(parse);
        var access = context.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var file = AccessOptions.KeyFilePath(access, context.Store);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>The environment variable holding the API key of the jobs commands.</summary>
    public const string ApiKeyVariable = "IMPACTEVAL_API_KEY";

    private static Option<string?> KeyOption() => new("--key")
    {
        Description = $"Clé d'API d'un administrateur. Par défaut ${ApiKeyVariable}, sinon la clé écrite au premier démarrage du service ({AccessOptions.DefaultKeyFileName} dans le dossier des données).",
    };

    private static Option<string> UrlOption() => new("--url")
    {
        Description = $"Adresse du service. Par défaut {Extensions.DefaultUrl}.",
        DefaultValueFactory = _ => Extensions.DefaultUrl,
    };

    /// <summary>The worker's one local clock (Worker:TimeZone, Europe/Paris by default), read from the same configuration.</summary>
    private static TimeZoneInfo LocalZone(CliContext context)
    {
        var worker = context.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        return TimeZoneInfo.TryFindSystemTimeZoneById(worker.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? $"{duration.TotalSeconds.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))} s"
        : $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s";
}
