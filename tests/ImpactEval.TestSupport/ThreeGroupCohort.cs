using System.Globalization;
using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.TestSupport;

/// <summary>
/// The three-cohort protocol in 12 schools of tests/ImpactEval.Analysis.Tests/Reference/joint_models.R (Fixtures/joint_models.json:
/// 360 families, missing outcomes and covariates): a continuous score at two waves, an ordinal rating and a yes/no
/// indicator, two covariates; the protocol around any analyses, and its data as the store would return it.
/// </summary>
public static class ThreeGroupCohort
{
    /// <summary>The fixture as R wrote it (data and expected values).</summary>
    public static JsonElement Fixture { get; } = Load();

    private static JsonElement Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "joint_models.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>The protocol with the given <c>analyses:</c> section (and any root keys after it); throws when it is invalid.</summary>
    public static Model.Protocol Protocol(string analyses)
    {
        var text = $$"""
            id: trois-groupes
            title: "Trois groupes dans douze écoles"
            territory: CE-999-05
            indicators:
              - { code: SCORE, label: "Score", level: impact, type: continuous, waves: [T1, T2] }
              - code: NOTE
                label: "Note de l'enseignant"
                level: impact
                type: ordinal
                levels: [{ value: 1, label: "1" }, { value: 2, label: "2" }, { value: 3, label: "3" }, { value: 4, label: "4" }]
                waves: [T2]
              - { code: OUI, label: "Oui", level: resultat, type: binary, waves: [T2] }
            groups:
              - { code: BEN, label: "Bénéficiaires", role: focal }
              - { code: EAJE, label: "Accueil", role: comparison }
              - { code: LOIN, label: "Éloignés", role: comparison }
            waves:
              - { code: T1, label: "Début", date: 2025-10-01 }
              - { code: T2, label: "Fin", date: 2026-06-12 }
            covariates:
              - { code: X1, label: "Âge", type: continuous }
              - { code: X2, label: "Premier enfant", type: binary }
            cluster: { code: ecole, label: "École" }
            {{analyses}}
            """;
        var loaded = ProtocolLoader.Load(text, "trois-groupes.yaml");
        if (!loaded.IsValid) throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        return loaded.Protocol!;
    }

    /// <summary>The data as long rows (enrolments 1…360, baseline values and observations of the values present).</summary>
    public static DatasetRows Rows()
    {
        var data = Fixture.GetProperty("data").EnumerateArray().ToList();
        double Value(JsonElement row, string name) => row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        var ids = Enumerable.Range(1, data.Count).ToArray();
        var baseline = new List<(int Id, string Code, double Value)>();
        var observed = new List<(int Id, string Key, string Wave, double Value)>();
        for (var i = 0; i < data.Count; i++)
        {
            foreach (var (column, code) in new[] { ("x1", "X1"), ("x2", "X2") })
                if (!double.IsNaN(Value(data[i], column))) baseline.Add((ids[i], code, Value(data[i], column)));
            foreach (var (column, key, wave) in new[] { ("y0", "SCORE@T1", "T1"), ("y", "SCORE@T2", "T2"), ("note", "NOTE@T2", "T2"), ("oui", "OUI@T2", "T2") })
                if (!double.IsNaN(Value(data[i], column))) observed.Add((ids[i], key, wave, Value(data[i], column)));
        }
        return new DatasetRows(1, GroupAssignment.IntentionToTreat, ids, [.. ids.Select(i => $"P{i.ToString("000", CultureInfo.InvariantCulture)}")],
            [.. data.Select(r => r.GetProperty("g").GetString()!)], [.. data.Select(r => r.GetProperty("cl").GetString())], [.. data.Select(_ => "active")],
            [.. baseline.Select(b => b.Id)], [.. baseline.Select(b => b.Code)], [.. baseline.Select(b => b.Value)],
            [.. observed.Select(o => o.Id)], [.. observed.Select(o => o.Key)], [.. observed.Select(o => o.Wave)], [.. observed.Select(o => o.Value)],
            [.. observed.Select(_ => (DateOnly?)null)]);
    }

    /// <summary>The analysis dataset of <paramref name="protocol"/> on the fixture's data.</summary>
    public static AnalysisDataset Dataset(Model.Protocol protocol) => DatasetBuilder.Assemble(protocol, Rows());
}
