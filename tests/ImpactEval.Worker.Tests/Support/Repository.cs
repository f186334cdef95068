namespace ImpactEval.Worker.Tests.Support;

/// <summary>Paths of the built executables the process tests start.</summary>
public static class Repository
{
    /// <summary>The repository root (the directory holding ImpactEval.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    /// <summary>ImpactEval.Worker.dll, built alongside the tests (project reference).</summary>
    public static string WorkerDll => Built("ImpactEval.Worker", "ImpactEval.Worker.dll");

    /// <summary>impacteval.dll (the CLI), built alongside the tests.</summary>
    public static string CliDll => Built("ImpactEval.Cli", "impacteval.dll");

    private static string Built(string project, string file)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built: {path}");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ImpactEval.sln not found above the test directory.");
    }
}
