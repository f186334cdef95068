namespace ImpactEval.Collection.Rights;

/// <summary>Everything the store holds about one participant, as the JSON document handed to the family (French keys).</summary>
/// <param name="Json">The document (UTF-8 text, indented).</param>
/// <param name="Pseudonym">The participant's pseudonym.</param>
/// <param name="Enrolments">Enrolments exported.</param>
/// <param name="Observations">Observations exported.</param>
public sealed record ParticipantExport(string Json, string Pseudonym, int Enrolments, int Observations);
