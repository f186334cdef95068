using System.CommandLine;
using ImpactEval.Analysis.Evaluability;
using ImpactEval.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval serve [--urls URL]</c>: runs the worker service in this process — Hangfire's server (recomputations,
/// campaigns, reports, notifications), the jobs API, the data API, the jobs dashboard (/admin/travaux) and /health — on the configured store (a SQLite file under
/// ./data with no configuration). Stops gracefully on Ctrl+C or SIGTERM, waiting for running jobs up to
/// Worker:ShutdownTimeout.
/// </summary>
public static class ServeCommand
{
    /// <summary>The command's name (the host, not System.CommandLine, handles termination signals for it).</summary>
    public const string Name = "serve";

    /// <summary>The command.</summary>
    public static Command GetCommand()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Adresse(s) d'écoute, séparées par des points-virgules. Par défaut {Extensions.DefaultUrl}.",
            DefaultValueFactory = _ => Extensions.DefaultUrl,
        };
        var protocols = new Option<DirectoryInfo>("--protocols")
        {
            Description = "Dossier des fichiers de protocole enregistrés au démarrage (nouvelle version si un fichier a changé). Par défaut ./protocols s'il existe.",
            DefaultValueFactory = _ => new DirectoryInfo("protocols"),
        };
        var command = new Command(Name, "Démarre le service : tâches planifiées (recalculs, campagnes, rapports, notifications), API, tableau des travaux (/admin/travaux) et /health.") { urls, protocols };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await RegisterProtocolsAsync(context, parse.GetValue(protocols)!, cancellationToken);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = ["--urls", parse.GetValue(urls)!, $"--{Data.StoreOptions.Section}:DataDirectory={context.Store.DataDirectory}"],
            });
            builder.AddApplicationServices();
            await using var app = builder.Build();
            app.MapApplicationEndpoints();
            AnsiConsole.MarkupLine($"[bold]ImpactEval — service[/] sur {Markup.Escape(parse.GetValue(urls)!)} (base {context.Store.Provider}). Arrêt : Ctrl+C.");
            await app.RunAsync();
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Registers the protocol files of <paramref name="directory"/> so that a fresh installation schedules them at
    /// once; an unchanged file is a no-op, and a refused or invalid one is reported without stopping the service.
    /// </summary>
    private static async Task RegisterProtocolsAsync(CliContext context, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        if (!directory.Exists) return;
        await using var db = await context.OpenStoreAsync(cancellationToken);
        foreach (var file in directory.EnumerateFiles("*.yaml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var outcome = await new Data.ProtocolRegistry(db).RegisterFileAsync(file.FullName, CliContext.Actor, EvaluabilityAssessment.Json, cancellationToken);
            ProtocolCommand.Report(outcome, Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName));
        }
    }
}
