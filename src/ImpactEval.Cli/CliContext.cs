using System.CommandLine;
using ImpactEval.Cli.Commands;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Reporting.Pdf;
using Microsoft.Extensions.Configuration;

namespace ImpactEval.Cli;

/// <summary>
/// What every command needs, read once from configuration: impacteval.json in the working directory
/// (optional), then environment variables prefixed IMPACTEVAL_ (e.g. IMPACTEVAL_Store__Provider=PostgreSql,
/// IMPACTEVAL_Store__ConnectionString=…), then the --data option.
/// </summary>
public sealed class CliContext
{
    private CliContext(StoreOptions store, PseudonymisationOptions pseudonymisation, PdfOptions pdf, IConfiguration configuration)
    {
        Store = store;
        Pseudonymisation = pseudonymisation;
        Pdf = pdf;
        Configuration = configuration;
    }

    /// <summary>Where the store lives.</summary>
    public StoreOptions Store { get; }

    /// <summary>Where the pseudonymisation key lives.</summary>
    public PseudonymisationOptions Pseudonymisation { get; }

    /// <summary>PDF printing (section "Pdf": how long Chromium may take).</summary>
    public PdfOptions Pdf { get; }

    /// <summary>The whole configuration (for the worker host started by "serve").</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The actor recorded in history and audit for command-line actions.</summary>
    public static string Actor => $"cli:{Environment.UserName}";

    /// <summary>Reads configuration for a parsed command line.</summary>
    public static CliContext From(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "impacteval.json"), optional: true)
            .AddEnvironmentVariables("IMPACTEVAL_")
            .Build();
        var store = new StoreOptions();
        configuration.GetSection(StoreOptions.Section).Bind(store);
        if (parse.GetValue(CommonOptions.Data) is { } data) store.DataDirectory = data.FullName;
        var pseudonymisation = new PseudonymisationOptions();
        configuration.GetSection(PseudonymisationOptions.Section).Bind(pseudonymisation);
        var pdf = new PdfOptions();
        configuration.GetSection(PdfOptions.Section).Bind(pdf);
        return new CliContext(store, pseudonymisation, pdf, configuration);
    }

    /// <summary>Opens the store, creating or upgrading its schema.</summary>
    public Task<ImpactEvalDbContext> OpenStoreAsync(CancellationToken cancellationToken) => Data.Store.OpenCurrentAsync(Store, cancellationToken);

    /// <summary>The pseudonymiser with the configured key (created on first use).</summary>
    public Pseudonymiser Pseudonymiser() => new(Pseudonymisation.LoadKey(Store.DataDirectory));
}
