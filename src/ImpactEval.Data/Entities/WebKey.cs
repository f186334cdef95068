namespace ImpactEval.Data.Entities;

/// <summary>
/// One key of the web application's data-protection key ring (it signs and encrypts session cookies, antiforgery
/// tokens and password-reset links), kept in the store so that every node of a cluster and the command line share it.
/// </summary>
public sealed class WebKey
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The key's name given by the data-protection system ("key-{guid}").</summary>
    public required string FriendlyName { get; set; }

    /// <summary>The key's XML element (the key material is encrypted at rest only if the deployment configures it).</summary>
    public required string Xml { get; set; }
}
