using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// What every host that lives inside a command shares (the embedded silo, a cluster client): one-line console logs at
/// warnings and up, Orleans' and .NET's own from <c>frameworkLeast</c>, none once the user stopped the command, and no
/// signal handling of its own. The command answers Ctrl+C and SIGTERM (<see cref="TerminationSignals"/>) and stops the
/// host when it has unwound; the default console lifetime would take the signals itself, stop the silo under a
/// running window and hold the process open until the host is disposed, so the command never heard of them.
/// </summary>
public static class CommandHost
{
    public static void Configure(HostApplicationBuilder builder, LogLevel frameworkLeast, CancellationToken stopped)
    {
        // Stopped by the user, the host is stopped under a running call: what it then logs is that, not news.
        bool Shown(LogLevel level, LogLevel least) => level >= least && !stopped.IsCancellationRequested;
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", level => Shown(level, frameworkLeast)).AddFilter("Microsoft", level => Shown(level, frameworkLeast))
            .AddFilter(level => Shown(level, LogLevel.Warning));
        builder.Services.AddSingleton<IHostLifetime, Lifetime>();
    }

    private sealed class Lifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
