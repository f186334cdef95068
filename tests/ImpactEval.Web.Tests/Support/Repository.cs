namespace ImpactEval.Web.Tests.Support;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The directory holding ImpactEval.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ImpactEval.sln not found above the test directory.");
    }
}
