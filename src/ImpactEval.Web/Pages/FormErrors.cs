namespace ImpactEval.Web.Pages;

/// <summary>
/// The errors of a posted form, each tied to the id of its field, for the error summary at the top of the form (each
/// entry a link to its field) and the message next to the field (referenced by its <c>aria-describedby</c>).
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> errors = [];

    /// <summary>Every error, in the order added.</summary>
    public IReadOnlyList<(string Field, string Message)> All => errors;

    /// <summary>Whether there is any.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>Adds an error about the field whose id is <paramref name="field"/>.</summary>
    public void Add(string field, string message) => errors.Add((field, message));

    /// <summary>The message of a field, or null.</summary>
    public string? Of(string field) => errors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>"aria-invalid" for a field: "true" when it has an error, null (attribute omitted) otherwise.</summary>
    public string? Invalid(string field) => Of(field) is null ? null : "true";

    /// <summary>"aria-describedby" for a field: its error message's id when it has an error, else <paramref name="hint"/>.</summary>
    public string? DescribedBy(string field, string? hint = null) =>
        Of(field) is null ? hint : string.Join(' ', new[] { field + "-erreur", hint }.Where(s => s is not null));
}
