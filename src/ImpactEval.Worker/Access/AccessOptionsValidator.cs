using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Access;

/// <summary>Checks <see cref="AccessOptions"/> at start, with French messages naming the setting.</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapKeyFile)) return ValidateOptionsResult.Success;
        var file = options.BootstrapKeyFile;
        return file.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || string.IsNullOrEmpty(Path.GetFileName(file))
            ? ValidateOptionsResult.Fail($"Access:BootstrapKeyFile doit être le chemin d'un fichier (par exemple /var/lib/impacteval/admin-api.key), pas « {file} ».")
            : ValidateOptionsResult.Success;
    }
}
