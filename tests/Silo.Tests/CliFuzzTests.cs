using GridActors.Testing;

namespace GridActors.Silo.Tests;

/// <summary>
/// Mutants of the toy scenario through the real command line, and the hostile files of issue 11: exit 0, or exit 2
/// with located errors, never a stack trace. The thousands of cases run in-process in the Model tests; these check
/// that what the loader returns is what the user sees.
/// </summary>
public sealed class CliFuzzTests : IDisposable
{
    private const int Cases = 24;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-cli-fuzz", Guid.NewGuid().ToString("N"));

    public CliFuzzTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task MutantsValidateOrGetLocatedErrorsWithExitTwo()
    {
        var toy = await File.ReadAllTextAsync(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        foreach (var (seed, mutant) in ScenarioMutations.Cases(1, Cases))
        {
            var path = Path.Combine(folder, $"mutant-{seed}.yaml");
            await File.WriteAllTextAsync(path, ScenarioMutations.Apply(toy, mutant));
            var (exitCode, output, error) = await Gridactors.RunAsync("validate", path);
            Assert.True(exitCode is 0 or 2, $"seed {seed}: exit {exitCode}\n{output}\n{error}");
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
            if (exitCode == 2)
            {
                Assert.Contains($"mutant-{seed}.yaml:", error, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("regions: [ { id: A }, { id: B }", "not valid YAML")]
    [InlineData("deep", "nested more than 64 deep")]
    [InlineData("format: 1\nhorizon: { start: 2024-01-01T00:00:00Z, steps: 2147483647 }\n", "more than the 100,000")]
    [InlineData("include: [/dev/zero]\n", "include names scenario files only")]
    [InlineData("include: [/etc/shadow]\n", "include names scenario files only")]
    [InlineData("include: [\"x\\0.yaml\"]\n", "NUL character")]
    [InlineData("format: 1\nr: &r [*r]\n", "alias cycle")]
    public async Task HostileFilesGetALocatedErrorAndExitTwo(string yaml, string expected)
    {
        var path = Path.Combine(folder, "hostile.yaml");
        await File.WriteAllTextAsync(path, yaml == "deep" ? "regions: " + new string('[', 30_000) : yaml);
        var (exitCode, _, error) = await Gridactors.RunAsync("validate", path);
        Assert.Equal(2, exitCode);
        Assert.Contains("hostile.yaml:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
