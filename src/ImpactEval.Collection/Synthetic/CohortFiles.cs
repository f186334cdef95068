using System.Globalization;
using System.Text;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Synthetic;

/// <summary>
/// Writes a synthetic cohort as the files a cité would send: an enrolment file and one observation file per
/// wave, in the French spreadsheet dialect (";" separator, decimal comma, dates JJ/MM/AAAA, UTF-8 with BOM).
/// </summary>
public static class CohortFiles
{
    private static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes enrolments.csv and observations-&lt;wave&gt;.csv into <paramref name="directory"/>; returns their paths (enrolments first).</summary>
    /// <param name="protocol">The protocol (column order follows its covariates and indicators).</param>
    /// <param name="participants">The cohort.</param>
    /// <param name="directory">Output directory (created if needed).</param>
    public static IReadOnlyList<string> Write(Protocol protocol, IReadOnlyList<SyntheticParticipant> participants, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        var enrolments = Path.Combine(directory, "enrolments.csv");
        using (var writer = new StreamWriter(enrolments, false, Utf8Bom))
        {
            writer.WriteLine(string.Join(';', new[] { "identifiant", "groupe", protocol.Cluster?.Code ?? "ecole", "date_inscription" }.Concat(protocol.Covariates.Select(c => c.Code))));
            foreach (var p in participants)
                writer.WriteLine(string.Join(';', new[] { p.Identifier, p.Group, p.School, FrenchDate.Format(p.EnrolledOn) }
                    .Concat(protocol.Covariates.Select(c => p.Baseline.TryGetValue(c.Code, out var v) ? Number(v) : ""))));
        }
        paths.Add(enrolments);
        foreach (var wave in protocol.Waves)
        {
            var indicators = protocol.Indicators.Where(i => i.WaveCodes.Contains(wave.Code)).ToList();
            var rows = participants.Where(p => p.Waves.ContainsKey(wave.Code)).ToList();
            if (indicators.Count == 0 || rows.Count == 0) continue;
            var path = Path.Combine(directory, $"observations-{wave.Code}.csv");
            using var writer = new StreamWriter(path, false, Utf8Bom);
            writer.WriteLine(string.Join(';', new[] { "identifiant", "vague", "date_collecte" }.Concat(indicators.Select(i => i.Code))));
            foreach (var p in rows)
            {
                var record = p.Waves[wave.Code];
                writer.WriteLine(string.Join(';', new[] { p.Identifier, wave.Code, FrenchDate.Format(record.CollectedOn) }
                    .Concat(indicators.Select(i => record.Values.TryGetValue(i.Code, out var v) ? Number(v) : ""))));
            }
            paths.Add(path);
        }
        return paths;
    }


    private static string Number(double value) => value.ToString("0.###", FrenchNumber.Culture);
}
