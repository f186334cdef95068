using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImpactEval.Collection.Tests;

/// <summary>
/// The row count and a content hash of every table of the store (every column of every row, rows sorted), to prove
/// that a refused import wrote nothing at all, not only that the counts are unchanged.
/// </summary>
public sealed record StoreContent(IReadOnlyDictionary<string, (int Rows, string Sha256)> Tables)
{
    /// <summary>Reads every table mapped by the model.</summary>
    public static async Task<StoreContent> ReadAsync(ImpactEvalDbContext db)
    {
        var tables = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var rows = new List<string>();
            await using (DbDataReader reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                        row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001F');
                    rows.Add(row.ToString());
                }
            }
            rows.Sort(StringComparer.Ordinal);
            tables[table] = (rows.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', rows)))));
        }
        return new StoreContent(tables);
    }

    /// <summary>Whether both hold the same tables with the same rows.</summary>
    public bool SameAs(StoreContent other) => Tables.Count == other.Tables.Count && Tables.All(t => other.Tables.TryGetValue(t.Key, out var o) && o == t.Value);

    /// <summary>The tables that differ, for assertion messages.</summary>
    public string DifferencesFrom(StoreContent other) =>
        string.Join(", ", Tables.Keys.Union(other.Tables.Keys).Where(k => !Tables.TryGetValue(k, out var a) || !other.Tables.TryGetValue(k, out var b) || a != b));
}
