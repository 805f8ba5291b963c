using System.Text.Json;
using GridActors.Testing;

namespace GridActors.Silo.Tests;

/// <summary>
/// `optimize --window-steps`: the rolling optimum as a user runs it: progress per window, run.json naming the windows,
/// the same bytes twice, a cost never below the whole-horizon optimum; a whole horizon too large for the memory is
/// refused before any work, pointing at the rolling optimum.
/// </summary>
public sealed class RollingOptimumCliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-rolling-tests", Guid.NewGuid().ToString("N"));

    public RollingOptimumCliTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static double TotalCost(string output)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        return summary.RootElement.GetProperty("total_cost").GetDouble();
    }

    [Fact]
    public async Task TheRollingOptimumReportsEachWindowAndIsTheSameTwiceAndNeverBelowTheOptimum()
    {
        var scenario = RepositoryRoot.Path("scenarios/storage-heavy.yaml");
        string[] outputs = [Path.Combine(folder, "first"), Path.Combine(folder, "second")];
        foreach (var output in outputs)
        {
            var (exitCode, stdout, error) = await Gridactors.RunAsync("optimize", scenario, "--out", output, "--window-steps", "6", "--lookahead-steps", "6");
            Assert.True(exitCode == 0, error);
            Assert.Contains("window 1 of ", stdout, StringComparison.Ordinal);
            Assert.Contains("rolling optimum: ", stdout, StringComparison.Ordinal);
        }
        using (var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outputs[0], "run.json"))))
        {
            Assert.Equal("optimal", run.RootElement.GetProperty("mode").GetString());
            Assert.Equal(6, run.RootElement.GetProperty("window_steps").GetInt32());
            Assert.Equal(6, run.RootElement.GetProperty("lookahead_steps").GetInt32());
        }
        foreach (var file in Directory.GetFiles(outputs[0]).Select(Path.GetFileName).Where(f => f != "run.json"))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(outputs[0], file!)), await File.ReadAllBytesAsync(Path.Combine(outputs[1], file!)));
        }

        var whole = Path.Combine(folder, "whole");
        var (wholeExit, _, wholeError) = await Gridactors.RunAsync("optimize", scenario, "--out", whole);
        Assert.True(wholeExit == 0, wholeError);
        Assert.True(TotalCost(outputs[0]) >= TotalCost(whole) * (1 - 1e-9), $"rolling {TotalCost(outputs[0])} below the optimum {TotalCost(whole)}");
    }

    [Fact]
    public async Task ColdWindowsAreForTheRollingOptimumOnly()
    {
        var output = Path.Combine(folder, "out");
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output, "--cold-windows");
        Assert.Equal(2, exitCode);
        Assert.Contains("--cold-windows is for the rolling optimum", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        var (rollingExit, stdout, rollingError) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output, "--window-steps", "6", "--cold-windows");
        Assert.True(rollingExit == 0, rollingError);
        Assert.Contains("0 windows started from the previous window's basis", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWholeHorizonIsNotWrittenAsMpsWithWindows()
    {
        var output = Path.Combine(folder, "out");
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output, "--window-steps", "6", "--write-mps", Path.Combine(folder, "m.mps"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--write-mps writes the whole-horizon model", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task AWholeHorizonTooLargeForTheMemoryIsRefusedUpFrontAndTheRollingOptimumSuggested()
    {
        // A container's 1 GB limit: the national week as one LP needs about 2.3 GB.
        var output = Path.Combine(folder, "national");
        var (exitCode, _, error) = await Gridactors.RunAsync(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x40000000" },
            "optimize", RepositoryRoot.Path("scenarios/china-national-week.yaml"), "--out", output);
        Assert.Equal(2, exitCode);
        Assert.Contains("the whole horizon as one linear program (13,810 assets × 168 steps) needs about 2.3 GB", error, StringComparison.Ordinal);
        Assert.Contains("--window-steps 24 --lookahead-steps 24", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
