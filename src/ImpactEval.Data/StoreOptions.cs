namespace ImpactEval.Data;

/// <summary>
/// Where the store lives. Bound from the "Store" configuration section; the defaults let
/// <c>impacteval demo</c> run with no configuration: a SQLite file under <c>./data</c>.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Store";

    /// <summary>Database engine. Default SQLite.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Directory for the SQLite file, the pseudonymisation key and generated files when no other path is set.
    /// Default "data" (relative to the working directory); the environment variable IMPACTEVAL_DATA overrides it.
    /// </summary>
    public string DataDirectory { get; set; } = Environment.GetEnvironmentVariable("IMPACTEVAL_DATA") ?? "data";

    /// <summary>
    /// Connection string. For SQLite, empty means "&lt;DataDirectory&gt;/impacteval.db"; for PostgreSQL it is
    /// required (e.g. "Host=/tmp;Port=5433;Database=impacteval;Username=impacteval").
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string to use, derived from the options.</summary>
    public string EffectiveConnectionString => Provider switch
    {
        StoreProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.GetFullPath(Path.Combine(DataDirectory, "impacteval.db"))};Pooling=True;Default Timeout=60",
        _ when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new InvalidOperationException("Store:ConnectionString est obligatoire avec PostgreSQL."),
        _ => ConnectionString!,
    };
}
