using ImpactEval.Data;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker;

/// <summary>Checks <see cref="StoreOptions"/> at start, with French messages naming the setting.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (options.Provider == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                "Store:ConnectionString est obligatoire avec Store:Provider=PostgreSql (par exemple Host=db;Database=impacteval;Username=impacteval;Password=…).");
        if (options.Provider == StoreProvider.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail("Store:DataDirectory ne peut pas être vide avec SQLite.");
        return ValidateOptionsResult.Success;
    }
}
