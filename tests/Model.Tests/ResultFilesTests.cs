using System.Diagnostics;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>A result folder holds exactly the files and columns <see cref="ResultFiles"/> declares, named as users know them.</summary>
public sealed class ResultFilesTests
{
    [Fact]
    public void AFolderHoldsTheDeclaredFilesWithTheDeclaredColumns()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/china-east-data-west-compute.yaml"));
        var dispatch = HorizonOptimizer.Solve(scenario, LpSolverKind.Highs);
        using var folder = new TempScenario();
        var output = Path.Combine(folder.Folder, "result");
        OptimalResults.Write(scenario, [dispatch.Report], OptimalRunFacts.Whole(dispatch), output, Stopwatch.StartNew(), format: ResultFormat.Both);

        string[] tables = [ResultFiles.Regions, ResultFiles.Assets, ResultFiles.Links, ResultFiles.Datacenters, ResultFiles.Enterprises];
        Assert.Equal(
            ["assets.csv", "assets.parquet", "datacenters.csv", "datacenters.parquet", "enterprises.csv", "enterprises.parquet", "links.csv", "links.parquet",
                "regions.csv", "regions.parquet", "run.json", "summary.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(tables, t => Assert.True(File.Exists(Path.Combine(output, ResultFiles.Csv(t))) && File.Exists(Path.Combine(output, ResultFiles.Parquet(t))), t));

        Assert.Equal(ResultFiles.RegionColumns(scenario.Carriers()).Select(c => c.Name), Header(output, ResultFiles.Regions));
        Assert.Equal(ResultFiles.AssetColumns.Select(c => c.Name), Header(output, ResultFiles.Assets));
        Assert.Equal(ResultFiles.LinkColumns.Select(c => c.Name), Header(output, ResultFiles.Links));
        Assert.Equal(ResultFiles.DatacenterColumns.Select(c => c.Name), Header(output, ResultFiles.Datacenters));
        // The carriers are found again by name in what was written: coal_mw ... between load_mw and storage_charge_mw.
        Assert.Equal(scenario.Carriers(), ResultFiles.CarriersIn(Header(output, ResultFiles.Regions)));
        Assert.Contains("coal_mw", Header(output, ResultFiles.Regions));
    }

    [Fact]
    public void CarriersAreTheUndeclaredColumnsOfARegionsHeaderInTheirOrder() =>
        Assert.Equal(["wind", "coal"], ResultFiles.CarriersIn(["time", "region", "load_mw", "wind_mw", "coal_mw", "storage_charge_mw", "price_per_mwh", "extra"]));

    private static string[] Header(string folder, string table) => File.ReadLines(Path.Combine(folder, ResultFiles.Csv(table))).First().Split(',');
}
