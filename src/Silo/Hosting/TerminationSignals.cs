using System.Runtime.InteropServices;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for every command. The first signal cancels the command's token: a run stops waiting
/// for its window, deletes its staging folder and returns, so nothing half-written is left. A second signal ends the
/// process at once. System.CommandLine's own handling is switched off (ProcessTerminationTimeout = null): it returns
/// from Main after two seconds whether the command has unwound or not, which left the hidden staging folder behind.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int received;

    public TerminationSignals()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The exit code a shell gives a process ended by the signal received (128 + its number), or null while none came.</summary>
    public int? ExitCode => Volatile.Read(ref received) switch
    {
        0 => null,
        var signal => 128 + signal,
    };

    /// <summary>The signal received, as a user names it.</summary>
    public string Name => Volatile.Read(ref received) == Interrupt ? "Ctrl+C (SIGINT)" : "SIGTERM";

    private const int Interrupt = 2;
    private const int Terminate = 15;

    private void OnSignal(PosixSignalContext context)
    {
        var signal = context.Signal == PosixSignal.SIGINT ? Interrupt : Terminate;
        if (Interlocked.CompareExchange(ref received, signal, 0) != 0)
        {
            // The second signal: the default action, which ends the process now.
            return;
        }
        context.Cancel = true;
        // Off the signal's thread: cancelling runs the token's callbacks.
        _ = cancellation.CancelAsync();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        cancellation.Dispose();
    }
}
