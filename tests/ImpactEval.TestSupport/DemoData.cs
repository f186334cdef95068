using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.TestSupport;

/// <summary>
/// The demo pipeline for tests: registers protocols/passerelles.yaml in a store, generates the seeded synthetic
/// cohort, imports it through the user import path, and analyses it.
/// </summary>
public static class DemoData
{
    /// <summary>Path of a shipped protocol copied next to the test assembly.</summary>
    public static string ProtocolPath(string name = "passerelles.yaml") => Path.Combine(AppContext.BaseDirectory, "protocols", name);

    /// <summary>The outcome of loading the demo into a store.</summary>
    public sealed record Loaded(Model.Protocol Protocol, int Version, PasserelleSCohort.Cohort Cohort, AnalysisDataset Dataset, AnalysisResults Results);

    /// <summary>Runs the whole pipeline into <paramref name="store"/>.</summary>
    public static Task<Loaded> LoadAsync(TestStore store, ulong seed = PasserelleSCohort.DemoSeed, int families = 900) =>
        LoadAsync(store, File.ReadAllText(ProtocolPath()), "passerelles", seed, families);

    /// <summary>
    /// The pipeline for another cité running PasserelleS: the shipped protocol under another identifier and territory
    /// code (the same analyses, indicators and groups: one protocol family), with its own seeded cohort.
    /// </summary>
    public static Task<Loaded> LoadCiteAsync(TestStore store, string id, string territory, ulong seed, int families)
    {
        var text = File.ReadAllText(ProtocolPath()).Replace("id: passerelles", $"id: {id}").Replace("code: CE-999-01", $"code: {territory}")
            .Replace("name: \"Cité éducative de Valbrune (fictive)\"", $"name: \"Cité {territory} (fictive)\"");
        return LoadAsync(store, text, id, seed, families);
    }

    private static async Task<Loaded> LoadAsync(TestStore store, string text, string id, ulong seed, int families)
    {
        await using var db = await store.OpenAsync();
        var registration = await new ProtocolRegistry(db).RegisterAsync(Core.Loading.ProtocolLoader.Load(text, id + ".yaml"), id + ".yaml", "tests");
        if (registration.Status is not (RegistrationStatus.Created or RegistrationStatus.Unchanged))
            throw new InvalidOperationException($"registration: {registration.Status} {string.Join("; ", registration.Problems)}");
        var (protocol, version) = (await new ProtocolRegistry(db).LoadCurrentAsync(id))!.Value;
        var cohort = PasserelleSCohort.Generate(seed, families);
        var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(store.Options.DataDirectory, "import", id));
        var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(store.Options.DataDirectory, "pseudonymisation.key")));
        var options = new ImportOptions("tests");
        await using (var stream = File.OpenRead(files[0]))
            Check(await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(files[0]), options));
        foreach (var file in files.Skip(1))
        {
            await using var stream = File.OpenRead(file);
            Check(await new ObservationImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(file), options));
        }
        var dataset = await new DatasetBuilder(db).BuildAsync(protocol, version);
        return new Loaded(protocol, version, cohort, dataset, ProtocolAnalysis.Run(protocol, dataset));
    }

    private static void Check(ImportResult result)
    {
        if (!result.Accepted) throw new InvalidOperationException($"import {result.File}: {string.Join("\n", result.Problems.Take(10))}");
    }
}
