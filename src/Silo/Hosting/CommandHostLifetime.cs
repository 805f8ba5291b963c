using Microsoft.Extensions.Hosting;

namespace GridActors.Silo.Hosting;

/// <summary>
/// The lifetime of a host that lives inside a command (the embedded silo, a cluster client): the command answers
/// Ctrl+C and SIGTERM (<see cref="TerminationSignals"/>) and stops the host when it has unwound. The default console
/// lifetime would take the signals itself, stop the silo under a running window and hold the process open until the
/// host is disposed, so the command never heard of them.
/// </summary>
public sealed class CommandHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
