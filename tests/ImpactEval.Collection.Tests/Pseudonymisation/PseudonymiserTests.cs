using ImpactEval.Collection.Pseudonymisation;
using Xunit;

namespace ImpactEval.Collection.Tests.Pseudonymisation;

public class PseudonymiserTests
{
    private static readonly PseudonymKey Key = PseudonymKey.FromBase64(Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));

    // Re-imports must find the same participant: the pseudonym depends only on key, cité and identifier.
    [Fact]
    public void Pseudonym_SameInputs_IsStableAndIgnoresSurroundingSpaces()
    {
        var pseudonymiser = new Pseudonymiser(Key);
        Assert.Equal(pseudonymiser.Pseudonym("CE-999-01", "F-001"), pseudonymiser.Pseudonym("CE-999-01", " F-001 "));
        Assert.Equal(32, pseudonymiser.Pseudonym("CE-999-01", "F-001").Length);
        Assert.Matches("^[A-Z2-7]{32}$", pseudonymiser.Pseudonym("CE-999-01", "F-001"));
    }

    // Two cités may number their families the same way: their pseudonyms must not collide.
    [Fact]
    public void Pseudonym_SameIdentifierOtherTerritory_Differs()
    {
        var pseudonymiser = new Pseudonymiser(Key);
        Assert.NotEqual(pseudonymiser.Pseudonym("CE-999-01", "F-001"), pseudonymiser.Pseudonym("CE-999-02", "F-001"));
    }

    // Without the key, a pseudonym cannot be recomputed from a guessed identifier.
    [Fact]
    public void Pseudonym_OtherKey_Differs()
    {
        var other = PseudonymKey.FromBase64(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));
        Assert.NotEqual(new Pseudonymiser(Key).Pseudonym("CE-999-01", "F-001"), new Pseudonymiser(other).Pseudonym("CE-999-01", "F-001"));
    }

    // First run: the key is created outside the database, readable by its owner only, and reused afterwards.
    [Fact]
    public void LoadOrCreate_FirstRun_CreatesPrivateKeyFileThenReusesIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "impacteval-key-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "pseudonymisation.key");
        try
        {
            var first = new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonym("CE", "1");
            var second = new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonym("CE", "1");

            Assert.Equal(first, second);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(path)).Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Break 14 of issue 10: two processes starting together on a new data directory both created the key, and one read
    // the other's file while it was still empty ("clé … doit faire au moins 32 octets"). Now every creator ends with the
    // same complete key, whoever wins, and no temporary file is left behind.
    [Fact]
    public void LoadOrCreate_ParallelCreators_AllGetTheSameKey()
    {
        for (var round = 0; round < 20; round++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "impacteval-key-" + Guid.NewGuid().ToString("N"));
            var path = Path.Combine(directory, "pseudonymisation.key");
            try
            {
                const int creators = 8;
                using var start = new Barrier(creators);
                var pseudonyms = new string[creators];
                var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
                var threads = Enumerable.Range(0, creators).Select(i => new Thread(() =>
                {
                    start.SignalAndWait();
                    try { pseudonyms[i] = new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonym("CE", "1"); }
                    catch (InvalidOperationException e) { failures.Add(e.Message); }
                })).ToList();
                foreach (var thread in threads) thread.Start();
                foreach (var thread in threads) thread.Join();

                Assert.Empty(failures);
                Assert.Single(pseudonyms.Distinct());
                Assert.Equal(pseudonyms[0], new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonym("CE", "1"));
                Assert.Equal([path], Directory.GetFiles(directory));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // Break 6 of issue 10: "É" typed as one character (NFC) or as E + combining acute (NFD, as some Mac tools write it)
    // is the same identifier, hence the same pseudonym; a pseudonym of an identifier already in NFC is what it was before.
    [Fact]
    public void Pseudonym_DecomposedAccent_SameAsComposed()
    {
        var pseudonymiser = new Pseudonymiser(Key);
        const string composed = "F-\u00C9LODIE-01", decomposed = "F-E\u0301LODIE-01";

        Assert.Equal(pseudonymiser.Pseudonym("CE-999-01", composed), pseudonymiser.Pseudonym("CE-999-01", decomposed));
        var keys = pseudonymiser.Keys("CE-999-01", decomposed);
        Assert.Equal(pseudonymiser.Pseudonym("CE-999-01", composed), keys.Pseudonym);
        Assert.NotNull(keys.LegacyPseudonym);
        Assert.NotEqual(keys.Pseudonym, keys.LegacyPseudonym);
        Assert.Null(pseudonymiser.Keys("CE-999-01", composed).LegacyPseudonym);
    }

    // Identifiers are compared case-insensitively: "f-001" and "F-001" have two pseudonyms (stored ones never change) but
    // one fold key, by which the importers recognise the second as a case variant of the first; another identifier has another.
    [Fact]
    public void Keys_CaseVariants_ShareTheFoldKeyOnly()
    {
        var pseudonymiser = new Pseudonymiser(Key);
        var upper = pseudonymiser.Keys("CE-999-01", "F-\u00E9-001".ToUpperInvariant());
        var lower = pseudonymiser.Keys("CE-999-01", " f-e\u0301-001 ");

        Assert.NotEqual(upper.Pseudonym, lower.Pseudonym);
        Assert.Equal(upper.FoldKey, lower.FoldKey);
        Assert.NotEqual(upper.FoldKey, pseudonymiser.Keys("CE-999-01", "F-\u00C9-002").FoldKey);
        Assert.NotEqual(upper.FoldKey, upper.Pseudonym);
        Assert.NotEqual(upper.FoldKey, pseudonymiser.Keys("CE-999-02", "F-\u00C9-001").FoldKey);
        Assert.Matches("^[A-Z2-7]{32}$", upper.FoldKey);
    }

    [Fact]
    public void FromBase64_ShortKey_IsRefusedInFrench()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PseudonymKey.FromBase64(Convert.ToBase64String(new byte[8])));
        Assert.Contains("au moins 32 octets", error.Message);
    }
}
