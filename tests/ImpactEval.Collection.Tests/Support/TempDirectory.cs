namespace ImpactEval.Collection.Tests.Support;

/// <summary>Fresh temporary directories for test files (left for the OS to clean; names are unique).</summary>
public static class TempDirectory
{
    /// <summary>Creates a new empty directory under the system temporary folder.</summary>
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "impacteval-collection-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
