using System.Diagnostics;
using GridActors.Silo.Hosting;

namespace GridActors.Silo.Tests;

public sealed class ServeTests
{
    [Fact]
    public async Task ServeListensOnItsPortsAndStopsGracefullyOnSigterm()
    {
        var gateway = EmbeddedCluster.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gridactors.dll"), "serve", "--silo-port", EmbeddedCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", gateway.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cluster-id", $"serve-test-{Guid.NewGuid():N}" })
        {
            start.ArgumentList.Add(arg);
        }
        // The suite runs with a PostgreSQL in the environment; this test is about the in-memory default.
        start.Environment.Remove("GRIDACTORS_POSTGRES");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                // Log lines may come first; the banner says where the silo listens.
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.StartsWith("gridactors silo serving", StringComparison.Ordinal));
            Assert.Contains($"gateway 127.0.0.1:{gateway}", line, StringComparison.Ordinal);
            using (var probe = new System.Net.Sockets.TcpClient())
            {
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, gateway, timeout.Token);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }
            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("gridactors silo stopped.", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task ASecondServeOnPortsInUseIsRefusedWithASentence()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, _, error) = await Gridactors.RunAsync("serve", "--gateway-port", port, "--silo-port", EmbeddedCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, exitCode);
        Assert.Contains($"port {port} is in use", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
