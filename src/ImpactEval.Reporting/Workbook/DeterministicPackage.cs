using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ImpactEval.Reporting.Workbook;

/// <summary>
/// Rewrites an Open XML package (as ClosedXML saves it through System.IO.Packaging) so that the same content gives the
/// same bytes: entries in a fixed order with a fixed timestamp, the package-level relationship ids that
/// System.IO.Packaging draws at random replaced by stable ones, and the core-properties part, which gets a random name,
/// given a fixed one. A report exported twice from the same data is then byte-identical, which the audit and the tests
/// rely on.
/// </summary>
internal static partial class DeterministicPackage
{
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string CorePropertiesName = "core-properties/core.psmdcp";

    /// <summary>Random relationship ids: "R" followed by 16 hexadecimal digits.</summary>
    [GeneratedRegex("\"(R[0-9a-f]{16})\"")]
    private static partial Regex RandomId();

    /// <summary>The core-properties part's random file name.</summary>
    [GeneratedRegex("core-properties/[0-9a-f]{32}\\.psmdcp")]
    private static partial Regex RandomCoreProperties();

    /// <summary>The package rewritten deterministically.</summary>
    /// <param name="package">The bytes of a zip package.</param>
    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, Bytes: m.ToArray());
        }).ToList();
        // Random ids are mapped in order of appearance, which is itself deterministic.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var name = RandomCoreProperties().Replace(entries[i].FullName, CorePropertiesName);
            if (!name.EndsWith(".rels", StringComparison.Ordinal) && !name.EndsWith(".xml", StringComparison.Ordinal))
            {
                entries[i] = (name, entries[i].Bytes);
                continue;
            }
            var text = Encoding.UTF8.GetString(entries[i].Bytes);
            var replaced = RandomCoreProperties().Replace(RandomId().Replace(text, m =>
            {
                if (!ids.TryGetValue(m.Groups[1].Value, out var id))
                    ids[m.Groups[1].Value] = id = "rIdPkg" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                return "\"" + id + "\"";
            }), CorePropertiesName);
            entries[i] = (name, text == replaced ? entries[i].Bytes : Encoding.UTF8.GetBytes(replaced));
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }
}
