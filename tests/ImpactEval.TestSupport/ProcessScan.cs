using System.Globalization;
using System.Text;

namespace ImpactEval.TestSupport;

/// <summary>
/// Finds the processes a test started, wherever they are in the process tree: every child inherits its parent's
/// environment, so a test gives the programs it starts a marker variable (<see cref="MarkerVariable"/> = a fresh
/// value) and looks for it in /proc/&lt;pid&gt;/environ. Linux only; zombies (already dead, not yet reaped) are not counted.
/// </summary>
public static class ProcessScan
{
    /// <summary>The environment variable that marks the processes of a test.</summary>
    public const string MarkerVariable = "IMPACTEVAL_TEST_MARKER";

    /// <summary>A new marker value.</summary>
    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>The living processes whose environment holds <see cref="MarkerVariable"/>=<paramref name="marker"/>: pid and command line.</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> Marked(string marker)
    {
        var needle = Encoding.UTF8.GetBytes($"{MarkerVariable}={marker}\0");
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var environment = File.ReadAllBytes(Path.Combine(directory, "environ"));
                if (environment.AsSpan().IndexOf(needle) < 0) continue;
                var status = File.ReadAllText(Path.Combine(directory, "stat"));
                var state = status[(status.LastIndexOf(')') + 2)..][0];
                if (state is 'Z' or 'X') continue;
                found.Add((pid, File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim()));
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Waits up to <paramref name="patience"/> for the marked processes to end; returns those still living.</summary>
    public static async Task<IReadOnlyList<(int Pid, string CommandLine)>> SurvivorsAsync(string marker, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var living = Marked(marker);
            if (living.Count == 0 || DateTime.UtcNow > deadline) return living;
            await Task.Delay(100);
        }
    }
}
