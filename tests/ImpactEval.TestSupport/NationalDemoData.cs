using System.Collections.Immutable;
using System.Text;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.TestSupport;

/// <summary>
/// The national demo for tests: registers protocols/revue-de-projet.yaml, creates the fictitious cités, opens the
/// questionnaire campaign "revue-2024" for all of them, and imports the generated answers through the user import path,
/// one file per submission day (with the clock set to that day, so that submission dates and timeliness are real).
/// </summary>
public static class NationalDemoData
{
    /// <summary>The campaign's code.</summary>
    public const string CampaignCode = "revue-2024";

    /// <summary>The campaign's label.</summary>
    public const string CampaignLabel = "Revue de projet 2024";

    /// <summary>The protocol's code.</summary>
    public const string ProtocolCode = "revue-de-projet";

    /// <summary>The outcome of loading the national demo.</summary>
    /// <param name="Protocol">The registered questionnaire.</param>
    /// <param name="Cites">The generated cités and their answers (the truth the consolidation must reproduce).</param>
    /// <param name="Files">How many files were imported.</param>
    public sealed record Loaded(Model.Protocol Protocol, ImmutableArray<RevueDeProjetCampaign.Cite> Cites, int Files);

    /// <summary>Loads the national demo into <paramref name="store"/>.</summary>
    /// <param name="store">An empty store.</param>
    /// <param name="cites">Number of cités (208 in the demo).</param>
    /// <param name="seed">Generator seed.</param>
    /// <param name="closesOn">Closing date of the campaign; null for the generator's (28 June 2024). The answers keep their generated days.</param>
    public static async Task<Loaded> LoadAsync(TestStore store, int cites = RevueDeProjetCampaign.DemoCites, ulong seed = RevueDeProjetCampaign.DemoSeed, DateOnly? closesOn = null)
    {
        await using var db = await store.OpenAsync();
        var registration = await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath("revue-de-projet.yaml"), "tests");
        if (registration.Status is not (RegistrationStatus.Created or RegistrationStatus.Unchanged))
            throw new InvalidOperationException($"registration: {registration.Status} {string.Join("; ", registration.Problems)}");
        var (protocol, _) = (await new ProtocolRegistry(db).LoadCurrentAsync(ProtocolCode))!.Value;
        var generated = RevueDeProjetCampaign.Generate(seed, cites);
        foreach (var cite in generated)
            db.Territories.Add(new Territory { Code = cite.Code, Name = cite.Name, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var created = await new CampaignService(db).CreateAsync(new CampaignDefinition(CampaignCode, CampaignLabel, ProtocolCode, null, RevueDeProjetCampaign.Period,
            RevueDeProjetCampaign.OpensOn, closesOn ?? RevueDeProjetCampaign.ClosesOn, RevueDeProjetCampaign.ExpiryDays, [.. generated.Select(c => c.Code)], []),
            "coordination", RevueDeProjetCampaign.OpensOn);
        if (!created.Done) throw new InvalidOperationException(created.Message);

        var files = RevueDeProjetCampaign.Files(generated);
        foreach (var (day, csv) in files)
        {
            var clock = new DayClock(day);
            await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var result = await new AggregateValueImporter(db, clock).ImportAsync(protocol, stream, $"revue-{day:yyyy-MM-dd}.csv", new ImportOptions("tests"));
            if (!result.Accepted) throw new InvalidOperationException($"import {result.File}: {string.Join("\n", result.Problems.Take(10))}");
        }
        return new Loaded(protocol, generated, files.Count);
    }

    /// <summary>
    /// The generated revue de projet of the demo's fictitious cités consolidated without the store: the values the cités
    /// sent, as they sent them.
    /// </summary>
    public static NationalCampaignResults ConsolidatedWithoutStore()
    {
        var protocol = ProtocolLoader.LoadFile(DemoData.ProtocolPath("revue-de-projet.yaml")).Protocol!;
        var cites = RevueDeProjetCampaign.Generate();
        var values = cites.Where(c => c.Responded)
            .SelectMany(c => c.Answers.Select(a => new CampaignValue(c.Code, a.Key, a.Value, c.SubmittedOn!.Value.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc))))
            .ToList();
        return NationalConsolidation.Consolidate(protocol,
            new NationalCampaign(CampaignCode, CampaignLabel, RevueDeProjetCampaign.Period, [.. cites.Select(c => new AskedTerritory(c.Code, c.Name))]),
            values, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
    }

    /// <summary>A clock stopped on <paramref name="day"/> (10:00 in Paris), to import as if on that day.</summary>
    public static TimeProvider ClockOn(DateOnly day) => new DayClock(day);

    /// <summary>A clock stopped at 08:00 UTC (10:00 in Paris in spring and summer) on one day: imports record that day.</summary>
    private sealed class DayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    }
}
