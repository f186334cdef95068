using ImpactEval.Data;
using ImpactEval.Worker.Hosting;
using Xunit;

namespace ImpactEval.Worker.Tests.Hosting;

public class SingleNodeGuardTests
{
    // A CPO starts "impacteval serve" twice on the same laptop folder: on SQLite the scheduler is not clustered,
    // so the second one must refuse to start (and say to use PostgreSQL for several nodes) rather than fire every job twice.
    [Fact]
    public void Acquire_DirectoryAlreadyLocked_RefusesWithFrenchExplanation()
    {
        var store = new StoreOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "impacteval-tests", Guid.NewGuid().ToString("N")) };
        try
        {
            using (SingleNodeGuard.Acquire(store))
            {
                var error = Assert.Throws<InvalidOperationException>(() => SingleNodeGuard.Acquire(store));
                Assert.StartsWith("Un autre service ImpactEval utilise déjà le dossier de données", error.Message);
                Assert.Contains("PostgreSQL", error.Message);
            }
            using (SingleNodeGuard.Acquire(store)) { } // released with the first process
        }
        finally
        {
            Directory.Delete(store.DataDirectory, recursive: true);
        }
    }
}
