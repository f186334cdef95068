using ImpactEval.Collection.Pseudonymisation;

namespace ImpactEval.Collection.Identity;

/// <summary>The identifier of one row of an imported file, with its keys: only kept in memory for the import's messages.</summary>
/// <param name="Line">The row's line in the file.</param>
/// <param name="Column">1-based column of the identifier.</param>
/// <param name="ColumnName">Header of the identifier column.</param>
/// <param name="Identifier">The identifier as written (trimmed).</param>
/// <param name="Keys">Its pseudonym, fold key and pre-v3 pseudonym.</param>
internal sealed record RowIdentifier(int Line, int Column, string ColumnName, string Identifier, ParticipantKeys Keys);
