using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Tests;

/// <summary>
/// A small PasserelleS cohort written by hand, the way a CPO would keep it: nine families, three per group, in two
/// schools, enrolled in spring 2025; T1 (due 10/10/2025, window 26/09–31/10) and T2 (due 12/06/2026, window
/// 29/05–26/06) partly collected, some late, some missing.
/// </summary>
public sealed class CohortFixture : IAsyncDisposable
{
    private CohortFixture(TestStore store, ImpactEvalDbContext db, Pseudonymiser pseudonymiser, Model.Protocol protocol)
    {
        Store = store;
        Db = db;
        Pseudonymiser = pseudonymiser;
        Protocol = protocol;
    }

    public TestStore Store { get; }

    public ImpactEvalDbContext Db { get; }

    public Pseudonymiser Pseudonymiser { get; }

    public Model.Protocol Protocol { get; }

    public const string Territory = "CE-999-01";

    public const string Enrolments = """
        identifiant;groupe;ecole;date_inscription
        F01;BEN;E01;01/04/2025
        F02;BEN;E02;02/04/2025
        F03;BEN;E01;03/04/2025
        F04;EAJE;E01;01/04/2025
        F05;EAJE;E02;02/04/2025
        F06;EAJE;E02;03/04/2025
        F07;ELOIGNE;E01;01/04/2025
        F08;ELOIGNE;E02;02/04/2025
        F09;ELOIGNE;E02;03/04/2025
        """;

    // F03 and F08 late at T1 (window closed 31/10/2025); F05 and F09 missing.
    public const string T1 = """
        identifiant;vague;date_collecte;COOP_PROPRETE;ASSIDUITE
        F01;T1;10/10/2025;3;92,5
        F02;T1;05/10/2025;4;88
        F03;T1;15/11/2025;2;75
        F04;T1;12/10/2025;Plutôt impliqué;95
        F06;T1;20/10/2025;3;81,5
        F07;T1;08/10/2025;1;70
        F08;T1;20/11/2025;2;
        """;

    // F06 late at T2 (window closed 26/06/2026); F03, F07 and F09 missing.
    public const string T2 = """
        identifiant;vague;date_collecte;COOP_PROPRETE;ASSIDUITE
        F01;T2;12/06/2026;4;94
        F02;T2;10/06/2026;4;90
        F04;T2;01/06/2026;3;96
        F05;T2;10/06/2026;2;85
        F06;T2;30/06/2026;4;88
        F08;T2;15/06/2026;2;77
        """;

    /// <summary>A registered protocol and the nine enrolments; no observation yet.</summary>
    public static async Task<CohortFixture> EnrolledAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        var db = await store.OpenAsync();
        var registration = await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        if (registration.Status != RegistrationStatus.Created) throw new InvalidOperationException(registration.Status.ToString());
        var (protocol, _) = (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value;
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var fixture = new CohortFixture(store, db, pseudonymiser, protocol);
        var result = await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, Csv(Enrolments), "inscriptions.csv", new ImportOptions("tests"));
        if (!result.Accepted) throw new InvalidOperationException(string.Join("\n", result.Problems));
        return fixture;
    }

    /// <summary>Enrolled, with T1 and T2 imported.</summary>
    public static async Task<CohortFixture> CollectedAsync(StoreProvider provider)
    {
        var fixture = await EnrolledAsync(provider);
        foreach (var (name, text) in new[] { ("T1.csv", T1), ("T2.csv", T2) })
        {
            var result = await fixture.ImportObservationsAsync(text, name);
            if (!result.Accepted) throw new InvalidOperationException(string.Join("\n", result.Problems));
        }
        return fixture;
    }

    public Task<ImportResult> ImportObservationsAsync(string text, string name, ImportOptions? options = null, TimeProvider? clock = null) =>
        new ObservationImporter(Db, Pseudonymiser, clock).ImportAsync(Protocol, Csv(text), name, options ?? new ImportOptions("tests"));

    public string Pseudonym(string identifier) => Pseudonymiser.Pseudonym(Territory, identifier);

    public static MemoryStream Csv(string text, Encoding? encoding = null) => new((encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text + "\n")).ToArray());

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Store.DisposeAsync();
    }
}
