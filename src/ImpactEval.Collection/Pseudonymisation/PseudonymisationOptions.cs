namespace ImpactEval.Collection.Pseudonymisation;

/// <summary>Where the pseudonymisation key comes from. Bound from the "Pseudonymisation" configuration section.</summary>
public sealed class PseudonymisationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Pseudonymisation";

    /// <summary>The key in base64 (e.g. from a secret store); takes precedence over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>Key file; empty means "&lt;data directory&gt;/pseudonymisation.key", created on first run.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Loads the key these options designate.</summary>
    /// <param name="dataDirectory">The store's data directory (default home of the key file).</param>
    public PseudonymKey LoadKey(string dataDirectory) =>
        !string.IsNullOrWhiteSpace(Key) ? PseudonymKey.FromBase64(Key, "Pseudonymisation:Key")
            : PseudonymKey.LoadOrCreate(string.IsNullOrWhiteSpace(KeyFile) ? Path.Combine(dataDirectory, "pseudonymisation.key") : KeyFile);
}
