using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ImpactEval.Reporting.Pdf;

/// <summary>
/// A child program run in a process group of its own, so that it is killed with every process it starts: when
/// <see cref="Kill"/> is called (timeout, cancellation, host shutdown), when it is disposed, and when this process dies —
/// even by <c>kill -9</c>, which runs no code of ours.
/// </summary>
/// <remarks>
/// <para>
/// On Linux the program is started as
/// <c>setpriv --pdeathsig TERM -- setsid /bin/sh -c 'trap "kill -KILL 0" TERM; "$@" &amp; wait $!' … program arguments</c>:
/// <c>setpriv</c> asks the kernel (<c>prctl(PR_SET_PDEATHSIG)</c>) to send SIGTERM to the child when its parent dies,
/// <c>setsid</c> makes the child the leader of a new process group, and the shell, which stays the group's leader, turns
/// that SIGTERM into a SIGKILL of the whole group. <see cref="Kill"/> sends SIGKILL to the group directly. All three
/// come with util-linux and dash (Debian's essential packages).
/// </para>
/// <para>
/// The kernel sends the parent-death signal when the <em>thread</em> that started the child ends, not only the process;
/// the child is therefore started from a dedicated thread that lives until the group is disposed, never from a pool
/// thread that the runtime may retire while the child runs.
/// </para>
/// <para>
/// Elsewhere (no <c>setpriv</c>, not Linux) the program is started directly, and <see cref="Kill"/> kills its process
/// tree as the runtime sees it; the death of this process then leaves the child to end by itself. Processes that leave
/// the group on their own (Chromium's crash handler starts a session of its own) are not killed, but they watch the
/// browser and end with it.
/// </para>
/// </remarks>
internal sealed class ChildProcessGroup : IDisposable
{
    private const int SigKill = 9;
    private const string SetPriv = "/usr/bin/setpriv";
    private const string SetSid = "/usr/bin/setsid";
    private const string Shell = "/bin/sh";

    private readonly ManualResetEventSlim released = new();
    private readonly bool grouped;

    private ChildProcessGroup(Process process, bool grouped)
    {
        Process = process;
        this.grouped = grouped;
    }

    /// <summary>The started process (its output and error streams are redirected).</summary>
    public Process Process { get; }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, standard output and error redirected.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    public static ChildProcessGroup Start(string program, IEnumerable<string> arguments)
    {
        var grouped = OperatingSystem.IsLinux() && File.Exists(SetPriv) && File.Exists(SetSid) && File.Exists(Shell);
        var start = new ProcessStartInfo(grouped ? SetPriv : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (grouped)
            foreach (var argument in new[] { "--pdeathsig", "TERM", "--", SetSid, Shell, "-c", "trap \"kill -KILL 0\" TERM; \"$@\" & wait $!", "impacteval-child", program })
                start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var started = new TaskCompletionSource<ChildProcessGroup>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            ChildProcessGroup group;
            try
            {
                group = new ChildProcessGroup(Process.Start(start)!, grouped);
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }
            started.SetResult(group);
            group.released.Wait(); // the parent-death signal follows this thread: keep it until the group is disposed
        })
        { IsBackground = true, Name = "impacteval-child-" + Path.GetFileName(program) };
        thread.Start();
        return started.Task.GetAwaiter().GetResult();
    }

    /// <summary>Kills the program and every process of its group at once (SIGKILL); does nothing once they are gone.</summary>
    public void Kill()
    {
        if (grouped)
        {
            _ = KillProcess(-Process.Id, SigKill); // the group: the shell, the program and all it started (ESRCH when empty)
            return;
        }
        try { Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }

    /// <summary>Kills what is left of the group, then lets the starting thread end.</summary>
    public void Dispose()
    {
        Kill();
        Process.Dispose();
        released.Set(); // not disposed: the starting thread may still be waking up from it
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillProcess(int pid, int signal);
}
