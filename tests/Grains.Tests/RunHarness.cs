using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Model.Accounting;
using GridActors.Model.Loading;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;
using GridActors.Testing;

namespace GridActors.Grains.Tests;

/// <summary>Runs a scenario on the test cluster and keeps the window reports and the result folder.</summary>
public sealed class RunHarness : IDisposable
{
    private RunHarness(ResolvedScenario scenario, string output, SummaryAccumulator summary, List<WindowReport> reports)
    {
        Scenario = scenario;
        Output = output;
        Summary = summary;
        Reports = reports;
    }

    public ResolvedScenario Scenario { get; }
    public string Output { get; }
    public SummaryAccumulator Summary { get; }
    public List<WindowReport> Reports { get; }

    public static async Task<RunHarness> RunAsync(IGrainFactory grains, string scenarioFile, int windowSteps = 24, int lookaheadSteps = 24, RunOptions? options = null)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(scenarioFile));
        var output = Path.Combine(Path.GetTempPath(), "gridactors-tests", Guid.NewGuid().ToString("N"));
        var reports = new List<WindowReport>();
        var (summary, _) = await RunDriver.ExecuteAsync(grains, scenario, options ?? RunOptions.Default with { WindowSteps = windowSteps, LookaheadSteps = lookaheadSteps }, output, silos: 2, reports.Add);
        return new RunHarness(scenario, output, summary, reports);
    }

    public double[] Prices(string region) =>
        [.. Reports.SelectMany(r => r.Regions[Array.FindIndex(Scenario.Regions, x => x.Id == region)]).Select(row => row.PricePerMwh)];

    public double[] Assets(string asset, Func<Model.Market.AssetStep, double> value) =>
        [.. Reports.SelectMany(r => r.Assets[Array.FindIndex(Scenario.Assets, x => x.Id == asset)]).Select(value)];

    /// <summary>Every constraint of the format the run's reports break, checked independently of the market (1e-6 MW of slack).</summary>
    public IReadOnlyList<string> Violations()
    {
        var check = new FeasibilityCheck(Scenario, toleranceMw: 1e-6);
        foreach (var report in Reports)
        {
            check.Add(report);
        }
        check.Finish();
        return check.Violations;
    }

    public void Dispose()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }
}
