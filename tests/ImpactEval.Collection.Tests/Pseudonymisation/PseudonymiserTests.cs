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

    [Fact]
    public void FromBase64_ShortKey_IsRefusedInFrench()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PseudonymKey.FromBase64(Convert.ToBase64String(new byte[8])));
        Assert.Contains("au moins 32 octets", error.Message);
    }
}
