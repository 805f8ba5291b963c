using System.Diagnostics;
using System.Globalization;
using GridActors.Silo.Hosting;

namespace GridActors.Silo.Tests.Cluster;

/// <summary>One `gridactors serve --postgres` process on free ports, for the multi-process tests.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> error;

    private SiloProcess(Process process, int siloPort)
    {
        this.process = process;
        SiloPort = siloPort;
        error = process.StandardError.ReadToEndAsync();
    }

    public int SiloPort { get; }

    public bool HasExited => process.HasExited;

    public static async Task<SiloProcess> StartAsync(string postgres, string clusterId)
    {
        var siloPort = EmbeddedCluster.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gridactors.dll"), "serve", "--postgres", postgres, "--cluster-id", clusterId,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", EmbeddedCluster.FreePort().ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        var silo = new SiloProcess(Process.Start(start)!, siloPort);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await silo.process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("gridactors silo serving", StringComparison.Ordinal))
            {
                _ = silo.process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return silo;
            }
        }
        throw new InvalidOperationException($"the silo did not start: {await silo.error}");
    }

    /// <summary>SIGTERM, as an operator or Kubernetes stops a silo: its exit code and how long it took to go.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync()
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, watch.Elapsed);
    }

    /// <summary>SIGKILL: the process dies without a word to the cluster, as on a machine failure.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }
        process.Dispose();
    }
}
