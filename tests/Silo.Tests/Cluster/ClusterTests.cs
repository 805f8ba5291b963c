using System.Diagnostics;
using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Grains.Simulation;
using GridActors.Model.Generation;
using GridActors.Model.Loading;
using GridActors.Model.Options;
using GridActors.Model.Scenario;
using GridActors.Silo.Commands;
using GridActors.Silo.Hosting;
using GridActors.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace GridActors.Silo.Tests.Cluster;

/// <summary>Several silo processes on a real PostgreSQL: membership, checkpoints, a killed silo, a full stop, an outage.</summary>
[Collection(SharedPostgres.Name)]
public sealed class ClusterTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] ResultFiles = ["regions.csv", "assets.csv", "links.csv", "datacenters.csv", "enterprises.csv", "summary.json"];
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "gridactors-cluster-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SiloProcess> silos = [];
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";
    private string database = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(scratch);
        database = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task DbInitTwiceIsHarmless()
    {
        Assert.Empty(await DatabaseSchema.ApplyAsync(database, CancellationToken.None));
        var (exitCode, text) = await CliAsync("db", "init", "--postgres", database);
        Assert.Equal(0, exitCode);
        Assert.Contains("schema is up to date (version 3)", text, StringComparison.Ordinal);
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM GridActorsSchema"));
        Assert.Equal(13L, await ScalarAsync("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task ThreeSiloProcessesFormOneClusterInTheMembershipTable()
    {
        await StartSilosAsync(3);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long active;
        while ((active = await ScalarAsync($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 3")) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Equal(3L, active);
    }

    [Fact]
    public async Task CheckpointIsReadBackFromPostgresAfterEveryGrainWasDeactivated()
    {
        using var host = await EmbeddedCluster.StartAsync(new SiloEndpoints(EmbeddedCluster.FreePort(), EmbeddedCluster.FreePort(), clusterId, database));
        var grains = EmbeddedCluster.Client(host);
        var run = grains.GetGrain<IRunGrain>($"state-{Guid.NewGuid():N}");
        await run.StartAsync(ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml")), RunOptions.Default);
        var window = await run.AdvanceAsync(0);

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var stored = await run.StatusAsync();
        Assert.Equal(24, stored!.StepsDone);
        var again = await run.AdvanceAsync(0);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(window!.Regions), System.Text.Json.JsonSerializer.Serialize(again!.Regions));
        Assert.True(await ScalarAsync("SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL") >= 3);
        await host.StopAsync();
    }

    [Fact]
    public async Task RunSurvivesTheSiloOfItsOrchestratorBeingKilledWithIdenticalResults()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/china-provinces-week.yaml"));
        var expected = await EmbeddedRunAsync(scenario);
        await StartSilosAsync(3);
        using var client = await GridClient.StartAsync(database, clusterId, CancellationToken.None);
        var grains = GridClient.Client(client);
        var runId = $"kill-{Guid.NewGuid():N}";
        var killedAt = TimeSpan.Zero;
        var resumedAfter = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var recoveries = 0;
        var folder = Path.Combine(scratch, "killed");

        await RunDriver.ExecuteAsync(grains, scenario, RunOptions.Default, folder, new RunHooks(runId, 3, async (window, _, _) =>
        {
            if (window.FirstStep == 48)
            {
                var host = await grains.GetGrain<IRunGrain>(runId).HostAsync();
                var victim = silos.Single(s => host.Contains($":{s.SiloPort}:", StringComparison.Ordinal));
                await victim.KillAsync();
                killedAt = clock.Elapsed;
            }
            else if (killedAt > TimeSpan.Zero && resumedAfter == TimeSpan.Zero)
            {
                resumedAfter = clock.Elapsed - killedAt;
            }
        }, OnRecovering: _ => recoveries++));

        output.WriteLine($"the run went on {resumedAfter.TotalSeconds:0.0} s after its orchestrator's silo was killed ({recoveries} retried calls)");
        // The run went on past the kill of the silo that held its orchestrator: either the driver's call failed and
        // was retried, or Orleans, already knowing the silo dead, sent it to the new activation at once.
        Assert.True(killedAt > TimeSpan.Zero && resumedAfter > TimeSpan.Zero, "the orchestrator's silo was not killed mid-run");
        AssertSameResults(expected, folder);
    }

    /// <summary>
    /// Regional clearing spreads a window's work over the region grains, wherever they live: a generated national-size
    /// scenario (31 regions, 1,000 assets) cleared on one embedded silo and on three silos, one of them killed after the
    /// first window, gives the same bytes.
    /// </summary>
    [Fact]
    [Trait("Category", "Long")]
    public async Task RegionalClearingGivesTheSameFilesOnOneSiloAndOnThreeWithOneKilled()
    {
        var file = Path.Combine(scratch, "generated.yaml");
        await File.WriteAllTextAsync(file, ScenarioGenerator.Generate(new GeneratorSettings(31, 1000, 48, 7)));
        var scenario = ScenarioLoader.Load(file);
        var options = RunOptions.Default with { Clearing = Clearing.Regional };
        var expected = await EmbeddedRunAsync(scenario, options);
        await StartSilosAsync(3);
        using var client = await GridClient.StartAsync(database, clusterId, CancellationToken.None);
        var grains = GridClient.Client(client);
        var runId = $"regional-{Guid.NewGuid():N}";
        var folder = Path.Combine(scratch, "regional");
        var killed = false;
        await RunDriver.ExecuteAsync(grains, scenario, options, folder, new RunHooks(runId, 3, async (window, _, _) =>
        {
            if (window.FirstStep == 0)
            {
                // A silo that holds region and asset grains but not the run grain: the window in flight loses some regions.
                var host = await grains.GetGrain<IRunGrain>(runId).HostAsync();
                await silos.First(s => !host.Contains($":{s.SiloPort}:", StringComparison.Ordinal)).KillAsync();
                killed = true;
            }
        }));
        Assert.True(killed);
        AssertSameResults(expected, folder);
    }

    [Fact]
    public async Task WholeClusterStoppedMidRunIsResumedWithIdenticalResults()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/storage-heavy.yaml"));
        var expected = await EmbeddedRunAsync(scenario);
        await StartSilosAsync(3);
        var runId = $"resume-{Guid.NewGuid():N}";
        using (var client = await GridClient.StartAsync(database, clusterId, CancellationToken.None))
        using (var stop = new CancellationTokenSource())
        {
            var grains = GridClient.Client(client);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunDriver.ExecuteAsync(grains, scenario, RunOptions.Default, Path.Combine(scratch, "stopped"),
                new RunHooks(runId, 3, async (window, _, _) =>
                {
                    if (window.FirstStep == 72)
                    {
                        foreach (var silo in silos)
                        {
                            await silo.KillAsync();
                        }
                        await stop.CancelAsync();
                    }
                }), stop.Token));
        }
        Assert.False(Directory.Exists(Path.Combine(scratch, "stopped")));

        await StartSilosAsync(3);
        var folder = Path.Combine(scratch, "resumed");
        var (listExit, list) = await CliAsync("runs", "list", "--postgres", database, "--cluster-id", clusterId);
        Assert.True(listExit == 0, list);
        Assert.Contains("96/168", list, StringComparison.Ordinal);
        var (exitCode, text) = await CliAsync("resume", runId, "--postgres", database, "--cluster-id", clusterId, "--out", folder);
        Assert.True(exitCode == 0, text);
        AssertSameResults(expected, folder);
    }

    [Fact]
    public async Task PostgresDownForSecondsMidRunPausesTheRunAndLosesNothing()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var options = RunOptions.Default with { WindowSteps = 6, LookaheadSteps = 12 };
        var expected = await EmbeddedRunAsync(scenario, options);
        await StartSilosAsync(2);
        using var client = await GridClient.StartAsync(database, clusterId, CancellationToken.None);
        var folder = Path.Combine(scratch, "outage");
        Task? outage = null;
        try
        {
            await RunDriver.ExecuteAsync(GridClient.Client(client), scenario, options, folder, new RunHooks(null, 2, async (window, _, _) =>
            {
            if (window.FirstStep == 12)
            {
                await postgres.PauseAsync();
                outage = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(4));
                    await postgres.ResumeAsync();
                }, CancellationToken.None);
            }
            }));
        }
        finally
        {
            // The server comes back whatever happened to the run, for the tests after this one.
            if (outage is not null)
            {
                await outage;
            }
        }
        AssertSameResults(expected, folder);
    }

    [Fact]
    public async Task PostgresDownForGoodEndsTheRunWithASentenceAndNoResultFolder()
    {
        using var host = await EmbeddedCluster.StartAsync(new SiloEndpoints(EmbeddedCluster.FreePort(), EmbeddedCluster.FreePort(), clusterId, database));
        var grains = EmbeddedCluster.Client(host);
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var options = RunOptions.Default with { WindowSteps = 12 };
        var (patience, recovery) = (Durably.Patience, RunDriver.RecoveryPatience);
        // The same code as in production with shorter patience, so the test does not wait 90 s.
        (Durably.Patience, RunDriver.RecoveryPatience) = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
        Exception? failure;
        try
        {
            failure = await Record.ExceptionAsync(() => RunDriver.ExecuteAsync(grains, scenario, options, Path.Combine(scratch, "down"),
                new RunHooks($"down-{Guid.NewGuid():N}", 1, async (window, _, _) =>
                {
                    if (window.FirstStep == 12)
                    {
                        await postgres.PauseAsync();
                    }
                })));
        }
        finally
        {
            (Durably.Patience, RunDriver.RecoveryPatience) = (patience, recovery);
            await postgres.ResumeAsync();
        }

        Assert.NotNull(failure);
        Assert.Contains("could not store", failure.Message, StringComparison.Ordinal);
        Assert.Contains("storage did not answer for 3 s", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(scratch, "down")));
        await host.StopAsync();
    }

    [Fact]
    public async Task ASiloWhosePostgresIsGoneStillStopsPromptlyOnSigterm()
    {
        await using var silo = await SiloProcess.StartAsync(database, clusterId);
        await postgres.PauseAsync();
        try
        {
            var (exitCode, took) = await silo.TerminateAsync();
            Assert.Equal(0, exitCode);
            Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        }
        finally
        {
            await postgres.ResumeAsync();
        }
    }

    private async Task StartSilosAsync(int count)
    {
        silos.RemoveAll(s => s.HasExited);
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => SiloProcess.StartAsync(database, clusterId)));
        silos.AddRange(started);
    }

    private async Task<string> EmbeddedRunAsync(ResolvedScenario scenario, RunOptions? options = null)
    {
        var folder = Path.Combine(scratch, "embedded-" + Guid.NewGuid().ToString("N"));
        await Modes.NegotiatedAsync(scenario, options ?? RunOptions.Default, folder, null, CancellationToken.None);
        return folder;
    }

    private static void AssertSameResults(string expected, string actual)
    {
        foreach (var file in ResultFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }

    private static async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        var (exitCode, output, error) = await Gridactors.RunAsync(args);
        return (exitCode, output + error);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
