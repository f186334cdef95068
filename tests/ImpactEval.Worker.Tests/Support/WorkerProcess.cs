using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using ImpactEval.Data;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>
/// A real worker process (<c>dotnet ImpactEval.Worker.dll</c>, or <c>impacteval serve</c>) started for a test on a
/// free loopback port, configured through IMPACTEVAL_* environment variables, its output kept in a log file.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(string name, Process process, Uri url, string logPath, string dataDirectory)
    {
        Name = name;
        this.process = process;
        Url = url;
        LogPath = logPath;
        DataDirectory = dataDirectory;
    }

    /// <summary>The worker's data directory (where it writes the first administrator key).</summary>
    public string DataDirectory { get; }

    /// <summary>The administrator key the worker wrote at its first start on this store, or null (none yet, or another node's).</summary>
    public string? AdministratorKey
    {
        get
        {
            var path = Path.Combine(DataDirectory, Access.AccessOptions.DefaultKeyFileName);
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
    }

    /// <summary>The name given by the test (e.g. "node-a"); also the node name (Worker:InstanceId) in the history.</summary>
    public string Name { get; }

    /// <summary>The HTTP address.</summary>
    public Uri Url { get; }

    /// <summary>Where the process output is written.</summary>
    public string LogPath { get; }

    /// <summary>The operating-system process id.</summary>
    public int Pid => process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the worker on <paramref name="store"/> with extra settings ("Worker:RetryAttempts" → "2").</summary>
    /// <param name="name">A name for logs; used as Worker:InstanceId.</param>
    /// <param name="store">The store (its data directory is the working directory).</param>
    /// <param name="settings">Configuration keys and values.</param>
    /// <param name="viaCli">Start <c>impacteval serve</c> instead of the worker executable.</param>
    public static WorkerProcess Start(string name, StoreOptions store, IReadOnlyDictionary<string, string>? settings = null, bool viaCli = false) =>
        Start(name, store.DataDirectory, store, settings, viaCli);

    /// <summary>Starts <c>impacteval serve</c> in <paramref name="directory"/> with no configuration at all (only --urls).</summary>
    public static WorkerProcess StartUnconfigured(string name, string directory) => Start(name, directory, null, null, viaCli: true);

    private static WorkerProcess Start(string name, string directory, StoreOptions? store, IReadOnlyDictionary<string, string>? settings, bool viaCli)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaCli)
        {
            start.ArgumentList.Add(Repository.CliDll);
            start.ArgumentList.Add("serve");
        }
        else start.ArgumentList.Add(Repository.WorkerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0"; // several processes on two cores: workstation GC starts faster
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("IMPACTEVAL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        if (store is not null)
        {
            start.Environment["IMPACTEVAL_Store__Provider"] = store.Provider.ToString();
            start.Environment["IMPACTEVAL_Store__DataDirectory"] = store.DataDirectory;
            if (store.ConnectionString is { } connection) start.Environment["IMPACTEVAL_Store__ConnectionString"] = connection;
            start.Environment["IMPACTEVAL_Worker__InstanceId"] = name;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment["IMPACTEVAL_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var logPath = Path.Combine(directory, $"{name}-{DateTime.UtcNow:HHmmssfff}.log");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(name, process, url, logPath, store?.DataDirectory ?? Path.Combine(directory, "data"));
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until /health answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited ({process.ExitCode}) before being healthy:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} not healthy after {timeout}:\n{Tail()}");
    }

    /// <summary>An HTTP client on the worker, with the first-start administrator key when there is one (the jobs API needs it).</summary>
    public HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (AdministratorKey is { } key) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>SIGKILL: the process dies at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    /// <summary>SIGTERM: asks for a graceful shutdown.</summary>
    public void Terminate()
    {
        if (!process.HasExited && SendSignal(process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the process to exit; true when it did within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines of output (for assertion messages).</summary>
    public string Tail(int lines = 60)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Terminate();
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(15))) Kill();
        }
        await process.WaitForExitAsync();
        try { await File.WriteAllTextAsync(LogPath, Output); } catch (IOException) { }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
