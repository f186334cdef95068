using ImpactEval.Data;

namespace ImpactEval.Worker.Access;

/// <summary>
/// How the HTTP API is opened on a new installation. Bound from the "Access" configuration section; the defaults let
/// <c>impacteval serve</c> work with no configuration: on a store that never had an API account, the first start
/// creates the administrator account "administrateur-local" and writes its key to <c>&lt;data&gt;/admin-api.key</c>
/// (readable by the service account only). Other accounts are granted with <c>impacteval access grant</c>.
/// </summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Access";

    /// <summary>The name of the account created on first start.</summary>
    public const string BootstrapAccountName = "administrateur-local";

    /// <summary>The file name of the first administrator key in the data directory.</summary>
    public const string DefaultKeyFileName = "admin-api.key";

    /// <summary>
    /// Whether the first start on a store without any API account creates the administrator account and writes its
    /// key to <see cref="BootstrapKeyFile"/>. Default true. Set false where keys are only ever granted from the
    /// command line (a cluster whose nodes have no shared data directory, for instance).
    /// </summary>
    public bool BootstrapAdministrator { get; set; } = true;

    /// <summary>Where the first administrator key is written; empty means &lt;data&gt;/admin-api.key.</summary>
    public string? BootstrapKeyFile { get; set; }

    /// <summary>The key file to write (and that the command line reads when no key is given).</summary>
    /// <param name="options">These options.</param>
    /// <param name="store">The store, whose data directory holds the file by default.</param>
    public static string KeyFilePath(AccessOptions options, StoreOptions store) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.BootstrapKeyFile) ? Path.Combine(store.DataDirectory, DefaultKeyFileName) : options.BootstrapKeyFile);
}
