using GridActors.Testing;

namespace GridActors.Silo.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string Broken = """
        format: 1
        name: broken
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 4 }
        regions:
          - { id: A }
        profiles:
          flat: { values: [1] }
        assets:
          - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: -100, marginal_cost_per_mwh: 10 }
          - { id: town, type: load, region: B, peak_mw: 50, profile: flatt }
        """;

    [Fact]
    public async Task ValidatePrintsEveryErrorAndExitsWithTwo()
    {
        var path = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(path, Broken);
        var (exitCode, _, error) = await Gridactors.RunAsync("validate", path);
        Assert.Equal(2, exitCode);
        Assert.Contains("broken.yaml:9:68: assets[0].capacity_mw: must be at least 0, got -100", error, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:10:37: assets[1].region: unknown region 'B'; expected one of 'A'", error, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:10:62: assets[1].profile: unknown profile 'flatt'; did you mean 'flat'?", error, StringComparison.Ordinal);
        Assert.Contains("3 errors; nothing was run and nothing was written.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnABrokenScenarioWritesNothing()
    {
        var path = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(path, Broken);
        var output = Path.Combine(folder, "out");
        var (exitCode, _, _) = await Gridactors.RunAsync("run", path, "--out", output);
        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task RunWritesTheResultFolderAndASummary()
    {
        var output = Path.Combine(folder, "toy");
        var scenario = RepositoryRoot.Path("scenarios/two-region-toy.yaml");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("run", scenario, "--out", output, "--window-steps", "12");
        Assert.True(exitCode == 0, error);
        Assert.Contains("12,150,000 CNY", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.json", "run.json", "regions.csv", "assets.csv", "links.csv", "datacenters.csv", "enterprises.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
        var regions = File.ReadAllLines(Path.Combine(output, "regions.csv"));
        Assert.Equal(1 + 48 * 2, regions.Length);
        // Times in the scenario's own offset, as the stream and the page show them.
        Assert.StartsWith("2024-07-01T00:00:00+08:00,", regions[1], StringComparison.Ordinal);
        Assert.Contains("imports_mw,exports_mw", regions[0], StringComparison.Ordinal);
        // Output with no terminal gets whole progress lines, the last at 100 %.
        Assert.Contains("two-region-toy (6 assets, 48 steps): step 48 of 48 (100 %)", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(folder, ".toy.partial*", SearchOption.TopDirectoryOnly));
    }

    [Theory]
    [InlineData("central", "central", new[] { "window market" })]
    [InlineData("regional", "regional", new[] { "coordinator", "region market" })]
    [InlineData("auto", "central", new[] { "window market" })]
    public async Task RunJsonSaysWhichClearingRanAndWhatEachMarketsLpsCost(string clearing, string cleared, string[] roles)
    {
        var output = Path.Combine(folder, clearing);
        var (exitCode, _, error) = await Gridactors.RunAsync("run", RepositoryRoot.Path("scenarios/storage-heavy.yaml"), "--out", output, "--window-steps", "12", "--clearing", clearing);
        Assert.True(exitCode == 0, error);
        using var run = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "run.json")));
        // storage-heavy has 29 assets: auto clears them centrally.
        Assert.Equal(cleared, run.RootElement.GetProperty("clearing").GetString());
        var lp = run.RootElement.GetProperty("lp");
        Assert.Equal(roles, lp.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var rounds = run.RootElement.GetProperty("negotiation_rounds").GetInt32();
        foreach (var role in roles)
        {
            var cold = lp.GetProperty(role).GetProperty("cold");
            var hot = lp.GetProperty(role).GetProperty("hot");
            Assert.True(cold.GetProperty("solves").GetInt32() > 0, role);
            Assert.True(cold.GetProperty("iterations").GetInt64() > 0, role);
            Assert.True(cold.GetProperty("seconds").GetDouble() > 0, role);
            if (role != "coordinator")
            {
                // The markets are kept between rounds: every round after a window's first re-solves them.
                Assert.True(hot.GetProperty("solves").GetInt32() >= rounds - cold.GetProperty("solves").GetInt32(), $"{role}: {hot}");
            }
        }
    }

    [Fact]
    public async Task GenerateWritesTheSameValidScenarioFromTheSameSeed()
    {
        var first = Path.Combine(folder, "first.yaml");
        var second = Path.Combine(folder, "second.yaml");
        foreach (var path in new[] { first, second })
        {
            var (exitCode, _, error) = await Gridactors.RunAsync("generate", "--regions", "4", "--assets", "120", "--steps", "48", "--seed", "9", "--out", path);
            Assert.True(exitCode == 0, error);
        }
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        var (validateExit, stdout, validateError) = await Gridactors.RunAsync("validate", first);
        Assert.True(validateExit == 0, validateError);
        Assert.Contains("4 regions", stdout, StringComparison.Ordinal);
        Assert.Contains("120 assets, 48 steps", stdout, StringComparison.Ordinal);
        var (badExit, _, badError) = await Gridactors.RunAsync("generate", "--assets", "0");
        Assert.Equal(2, badExit);
        Assert.Contains("--assets must be from 1 to 300,000", badError, StringComparison.Ordinal);

        var storage = Path.Combine(folder, "storage.yaml");
        var (shapeExit, _, shapeError) = await Gridactors.RunAsync("generate", "--regions", "4", "--assets", "120", "--steps", "48", "--seed", "9", "--shape", "storage", "--out", storage);
        Assert.True(shapeExit == 0, shapeError);
        Assert.Contains("name: generated-r4-a120-s9-storage", await File.ReadAllTextAsync(storage), StringComparison.Ordinal);
        var (badShapeExit, _, badShapeError) = await Gridactors.RunAsync("generate", "--shape", "batteries");
        Assert.Equal(2, badShapeExit);
        Assert.Contains("--shape must be one of default, storage, ramps", badShapeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefaultAScenarioOfAThousandAssetsIsClearedRegionally()
    {
        var scenario = Path.Combine(folder, "generated-1000.yaml");
        var (generated, _, generateError) = await Gridactors.RunAsync("generate", "--regions", "3", "--assets", "1000", "--steps", "12", "--out", scenario);
        Assert.True(generated == 0, generateError);
        var output = Path.Combine(folder, "auto-1000");
        var (exitCode, _, error) = await Gridactors.RunAsync("run", scenario, "--out", output, "--window-steps", "6", "--lookahead-steps", "6");
        Assert.True(exitCode == 0, error);
        using var run = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "run.json")));
        Assert.Equal("regional", run.RootElement.GetProperty("clearing").GetString());
        Assert.True(run.RootElement.GetProperty("lp").TryGetProperty("coordinator", out _));
    }

    [Theory]
    [InlineData("--clearing", "everywhere", "'central'")]
    [InlineData("--placement", "everywhere", "'negotiated'")]
    public async Task AnUnknownClearingOrPlacementIsASentenceNotAStackTrace(string option, string value, string named)
    {
        // Beside --clearing regional, so that the check of the pair reads both options.
        var output = Path.Combine(folder, "unknown-" + option.TrimStart('-'));
        string[] regional = option == "--clearing" ? [] : ["--clearing", "regional"];
        var (exitCode, _, error) = await Gridactors.RunAsync(["run", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), option, value, .. regional, "--out", output]);
        Assert.Equal(2, exitCode);
        Assert.Contains($"Argument '{value}' not recognized", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task RegionalClearingRunsFromTheCommandLineAndRefusesCarbonGreedyInASentence()
    {
        var output = Path.Combine(folder, "regional");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("run", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--clearing", "regional", "--out", output);
        Assert.True(exitCode == 0, error);
        Assert.Contains("12,150,000", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "summary.json")));

        var (badExit, _, badError) = await Gridactors.RunAsync("run", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--clearing", "regional", "--placement", "carbon-greedy", "--out", Path.Combine(folder, "refused"));
        Assert.Equal(2, badExit);
        Assert.Contains("carbon-greedy placement needs the central clearing", badError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "refused")));
    }

    [Fact]
    public async Task EveryCommandHasHelp()
    {
        foreach (var command in new[] { "run", "optimize", "compare", "bench", "validate", "schema", "generate" })
        {
            var (exitCode, stdout, _) = await Gridactors.RunAsync(command, "--help");
            Assert.Equal(0, exitCode);
            Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OptimizeWritesTheResultFolderAndTheModelInMpsFormat()
    {
        var output = Path.Combine(folder, "toy-optimal");
        var mps = Path.Combine(folder, "toy.mps");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output, "--write-mps", mps);
        Assert.True(exitCode == 0, error);
        Assert.Contains("12,150,000 CNY", stdout, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"optimal\"", await File.ReadAllTextAsync(Path.Combine(output, "summary.json")), StringComparison.Ordinal);
        Assert.StartsWith("*", await File.ReadAllTextAsync(mps), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareWritesBothFoldersAndTheGap()
    {
        var output = Path.Combine(folder, "toy-compare");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("compare", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output);
        Assert.True(exitCode == 0, error);
        Assert.Contains("cost gap to the whole-horizon optimum 0.0000 %", stdout, StringComparison.Ordinal);
        Assert.Contains("negotiation costs 0.0000 % over the rolling optimum of the same windows", stdout, StringComparison.Ordinal);
        using var compare = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "compare.json")));
        Assert.Equal(0, compare.RootElement.GetProperty("cost_gap").GetDouble(), 9);
        Assert.Equal(0, compare.RootElement.GetProperty("rolling_cost_gap").GetDouble(), 9);
        var totalCost = compare.RootElement.GetProperty("measures").GetProperty("total_cost");
        Assert.Equal(12_150_000, totalCost.GetProperty("optimal").GetDouble(), 3);
        // The toy's 24 steps are one window: its rolling optimum is the optimum.
        Assert.Equal(12_150_000, totalCost.GetProperty("rolling_optimal").GetDouble(), 3);
        foreach (var mode in new[] { "negotiated", "optimal", "rolling-optimal" })
        {
            Assert.True(File.Exists(Path.Combine(output, mode, "summary.json")), mode);
        }
    }

    [Fact]
    public async Task AnImpossibleRampIsReportedInPlainWordsAndNothingIsWritten()
    {
        var path = Path.Combine(folder, "stiff.yaml");
        await File.WriteAllTextAsync(path, TestScenarios.ImpossibleRamp);
        var output = Path.Combine(folder, "stiff-out");
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", path, "--out", output);
        Assert.Equal(2, exitCode);
        Assert.Contains("thermal plant 'stiff' in region 'A' (ramp constraint): at step 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task BenchMeasuresBothModesAndWritesItsFigures()
    {
        var figures = Path.Combine(folder, "bench.json");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("bench", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--repeat", "1", "--out", figures);
        Assert.True(exitCode == 0, error);
        Assert.Contains("two-region-toy", stdout, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(figures));
        var toy = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal(288, toy.GetProperty("assets").GetInt32() * toy.GetProperty("steps").GetInt32());
        Assert.True(toy.GetProperty("negotiated_seconds").GetDouble() > 0);
        Assert.Equal(0, toy.GetProperty("cost_gap").GetDouble(), 9);
    }

    [Fact]
    public async Task BenchAtScaleRunsEachSizeAndModeInItsOwnProcessAndWritesItsFigures()
    {
        var figures = Path.Combine(folder, "scale.json");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("bench", "--scale", "--sizes", "40,80", "--regions", "3", "--steps", "24", "--out", figures);
        Assert.True(exitCode == 0, error);
        Assert.Contains("bench --scale", stdout, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(figures));
        var sizes = json.RootElement.GetProperty("sizes").EnumerateArray().ToArray();
        Assert.Equal([40, 80], sizes.Select(s => s.GetProperty("assets").GetInt32()));
        foreach (var size in sizes)
        {
            var runs = size.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("mode").GetString()!);
            Assert.Equal(["negotiated", "optimal", "regional", "rolling"], runs.Keys.Order(StringComparer.Ordinal));
            foreach (var mode in new[] { "negotiated", "regional" })
            {
                var run = runs[mode];
                Assert.True(run.GetProperty("wall_seconds").GetDouble() > 0);
                Assert.True(run.GetProperty("rounds").GetInt32() > 0);
                Assert.InRange(run.GetProperty("coordinator_share").GetDouble(), 0, 1);
                // Each figure is its own process's: a .NET process with a silo holds tens of MB at least.
                Assert.True(run.GetProperty("peak_megabytes").GetDouble() > 20);
                // Never below the optimum; close to it, and to the rolling optimum of the same windows, on these small weeks.
                Assert.InRange(run.GetProperty("cost_gap").GetDouble(), -1e-9, 0.01);
                Assert.InRange(run.GetProperty("rolling_gap").GetDouble(), -0.01, 0.01);
                Assert.True(run.GetProperty("rolling_time_ratio").GetDouble() > 0);
            }
            Assert.True(runs["optimal"].GetProperty("peak_megabytes").GetDouble() > 20);
            // One 24-step window over 24 steps: the rolling optimum is the optimum.
            Assert.Equal(0, runs["rolling"].GetProperty("cost_gap").GetDouble(), 9);
            // An optimum has no rounds to report.
            Assert.Equal(System.Text.Json.JsonValueKind.Null, runs["rolling"].GetProperty("rounds").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, runs["optimal"].GetProperty("rounds").ValueKind);
        }

        var (badExit, _, badError) = await Gridactors.RunAsync("bench", "--scale", "--sizes", "1000,lots");
        Assert.Equal(2, badExit);
        Assert.Contains("--sizes must be positive whole numbers", badError, StringComparison.Ordinal);
        var (badModeExit, _, badModeError) = await Gridactors.RunAsync("bench", "--scale", "--modes", "central");
        Assert.Equal(2, badModeExit);
        Assert.Contains("--modes must be one or more of negotiated, regional, rolling and optimal", badModeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchAtScaleRunsEveryShapeSeedAndCoreCountAndReportsTheSpeedUpOverOneCore()
    {
        // One core against all of them: the machines this runs on have two or more.
        Assert.True(Environment.ProcessorCount >= 2, "a one-core machine has no speed-up to measure");
        var all = Environment.ProcessorCount;
        var figures = Path.Combine(folder, "shapes.json");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("bench", "--scale", "--sizes", "40", "--regions", "3", "--steps", "24",
            "--modes", "regional,rolling", "--shapes", "default,storage", "--seeds", "3", "--cores", $"1,{all}", "--out", figures);
        Assert.True(exitCode == 0, error);
        Assert.Contains("vs 1 core", stdout, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(figures));
        var runs = json.RootElement.GetProperty("sizes").EnumerateArray().ToArray();
        Assert.Equal(["default/1", $"default/{all}", "storage/1", $"storage/{all}"],
            runs.Select(r => $"{r.GetProperty("shape").GetString()}/{r.GetProperty("cores").GetInt32()}"));
        Assert.All(runs, r => Assert.Equal(3, r.GetProperty("seed").GetInt32()));
        foreach (var run in runs)
        {
            foreach (var mode in run.GetProperty("runs").EnumerateArray())
            {
                var speedup = mode.GetProperty("speedup_over_one_core");
                if (run.GetProperty("cores").GetInt32() == 1)
                {
                    Assert.Equal(System.Text.Json.JsonValueKind.Null, speedup.ValueKind);
                }
                else
                {
                    Assert.True(speedup.GetDouble() > 0);
                }
            }
        }
        // The storage shape is another system: another cost, the same on one core as on two.
        double Cost(int index, string mode) => runs[index].GetProperty("runs").EnumerateArray().Single(m => m.GetProperty("mode").GetString() == mode).GetProperty("cost").GetDouble();
        Assert.NotEqual(Cost(0, "rolling"), Cost(2, "rolling"));
        Assert.Equal(Cost(2, "regional"), Cost(3, "regional"));

        var (tooMany, _, tooManyError) = await Gridactors.RunAsync("bench", "--scale", "--cores", $"{Environment.ProcessorCount + 1}");
        Assert.Equal(2, tooMany);
        Assert.Contains("--cores must be whole numbers from 1 to", tooManyError, StringComparison.Ordinal);
        var (badShape, _, badShapeError) = await Gridactors.RunAsync("bench", "--scale", "--shapes", "batteries");
        Assert.Equal(2, badShape);
        Assert.Contains("--shapes must be one or more of default, storage, ramps", badShapeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareRunsEveryPlacementPolicyWhenTheScenarioHasComputeWork()
    {
        var path = Path.Combine(folder, "campuses.yaml");
        await File.WriteAllTextAsync(path, TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"));
        var output = Path.Combine(folder, "campuses-compare");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("compare", path, "--out", output);
        Assert.True(exitCode == 0, error);
        Assert.Contains("compute placement policies", stdout, StringComparison.Ordinal);
        using var compare = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "compare.json")));
        var placements = compare.RootElement.GetProperty("placements");
        Assert.Equal(0, placements.GetProperty("negotiated").GetProperty("cost_gap").GetDouble(), 6);
        Assert.Equal(0, placements.GetProperty("local").GetProperty("work_moved_mwh").GetDouble());
        Assert.True(placements.GetProperty("negotiated").GetProperty("cost_saved_vs_local").GetDouble() > 0);
        Assert.True(placements.GetProperty("carbon-greedy").GetProperty("carbon_saved_vs_local_t").GetDouble() > 0);
        var batch = placements.GetProperty("negotiated").GetProperty("workloads").GetProperty("batch");
        Assert.True(batch.GetProperty("moved_mwh").GetDouble() > 0);
        Assert.True(batch.GetProperty("cost_saved_vs_local").GetDouble() > 0);
        foreach (var policy in new[] { "negotiated", "local", "carbon-greedy", "optimal" })
        {
            Assert.True(File.Exists(Path.Combine(output, policy, "summary.json")), $"{policy}/summary.json missing");
        }
    }

    [Fact]
    public async Task AClusterThatCannotBeReachedIsASentenceNotAStackTrace()
    {
        var (exitCode, _, error) = await Gridactors.RunAsync("runs", "list", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=none");
        Assert.Equal(2, exitCode);
        Assert.Contains("no silo of cluster 'gridactors-local' answered within 30 s (PostgreSQL 127.0.0.1:1/none)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbInitWithoutADatabaseSaysWhereToGiveOne()
    {
        var start = await Gridactors.RunAsync("db", "init", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("cannot initialise PostgreSQL at 127.0.0.1:1/none", start.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", start.Error, StringComparison.Ordinal);
    }
}
