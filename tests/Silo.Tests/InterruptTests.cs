using System.Diagnostics;
using System.Globalization;
using GridActors.Silo.Hosting;

namespace GridActors.Silo.Tests;

/// <summary>A long run stopped with Ctrl+C or SIGTERM: it ends soon, says why in a sentence, and leaves no folder behind.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-interrupt-tests", Guid.NewGuid().ToString("N"));

    public InterruptTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// SIGTERM only: Ctrl+C's SIGINT takes the same path (<see cref="TerminationSignals"/>), but a test host started in
    /// the background, as CI may start it, hands its processes SIGINT ignored, and an ignored SIGINT stays ignored.
    /// </summary>
    [Theory]
    [InlineData("run")]
    [InlineData("optimize --window-steps 24")]
    public async Task AStoppedRunEndsWithTheSignalsExitCodeAndLeavesNothingBehind(string command)
    {
        // 31 regions and 1,000 assets: each window takes seconds, so the signal comes while one is being cleared.
        var scenario = Path.Combine(folder, "generated.yaml");
        var (generated, _, _) = await Gridactors.RunAsync("generate", "--regions", "31", "--assets", "1000", "--seed", "2", "--out", scenario);
        Assert.Equal(0, generated);
        var output = Path.Combine(folder, "result");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gridactors.dll") }.Concat(command.Split(' ')).Concat([scenario, "--out", output]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            // The staging folder appears when the writing starts, before the first window; a moment later one is being solved.
            while (Staged().Length == 0)
            {
                if (process.HasExited)
                {
                    Assert.Fail($"the {command} ended before it started writing: {await stderr}");
                }
                await Task.Delay(100, timeout.Token);
            }
            await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
            Assert.False(process.HasExited);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }
            // The rest of the run takes longer than this: the process must stop now, not at its end.
            using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(soon.Token);
            var error = await stderr;
            Assert.Equal(143, process.ExitCode);
            Assert.Contains("stopped by SIGTERM before the end", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
            Assert.Empty(Staged());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The result's hidden staging folder beside it (ResultWriter's `.NAME.partial-…`).</summary>
    private string[] Staged() => [.. Directory.GetDirectories(folder).Where(d => Path.GetFileName(d).StartsWith(".result.partial-", StringComparison.Ordinal))];
}
