using GridActors.Model.Accounting;
using GridActors.Model.Options;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Output;

/// <summary>
/// Writes a run's result folder window by window. Everything goes to a hidden staging folder
/// beside the target and is moved into place only by <see cref="Complete"/>, so a failed or
/// interrupted run never leaves a half-written result folder behind.
/// </summary>
public sealed class ResultWriter : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly string finalDirectory;
    private readonly string staging;
    private readonly ResultTable regions;
    private readonly ResultTable assets;
    private readonly ResultTable links;
    private readonly ResultTable datacenters;
    private readonly ResultFormat format;
    private readonly string[] carriers;
    private readonly ComputeNetwork network;
    private bool completed;

    public ResultWriter(ResolvedScenario scenario, string directory, ResultFormat format = ResultFormat.Csv)
    {
        this.scenario = scenario;
        this.format = format;
        network = new ComputeNetwork(scenario);
        finalDirectory = Path.GetFullPath(directory);
        if (OutputPaths.FolderProblem(directory) is { } problem)
        {
            throw new IOException(problem);
        }
        var parent = Path.GetDirectoryName(finalDirectory)!;
        Directory.CreateDirectory(parent);
        staging = Path.Combine(parent, $".{Path.GetFileName(finalDirectory)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        carriers = scenario.Carriers();
        regions = new ResultTable(staging, ResultFiles.Regions, ResultFiles.RegionColumns(scenario.Carriers()), format);
        assets = new ResultTable(staging, ResultFiles.Assets, ResultFiles.AssetColumns, format);
        links = new ResultTable(staging, ResultFiles.Links, ResultFiles.LinkColumns, format);
        datacenters = new ResultTable(staging, ResultFiles.Datacenters, ResultFiles.DatacenterColumns, format);
    }

    public string FinalDirectory => finalDirectory;

    /// <summary>Writes a window's rows.</summary>
    public void Append(AccountedWindow window)
    {
        var report = window.Report;
        var received = new double[scenario.Assets.Length];
        for (var k = 0; k < report.Steps; k++)
        {
            var step = report.FirstStep + k;
            var time = Numbers.Time(scenario.TimeOf(step));
            WorkReceived(report, k, received);
            foreach (var region in scenario.Regions)
            {
                var figures = window.Region(region.Index, k);
                var row = figures.Row;
                regions.Text(time).Text(region.Id).Number(row.LoadMw);
                foreach (var mw in row.GenerationByCarrierMw)
                {
                    regions.Number(mw);
                }
                regions.Number(row.StorageChargeMw).Number(row.StorageDischargeMw).Number(figures.StorageNetMw)
                    .Number(row.ImportMw).Number(row.ExportMw).Number(row.UnservedMw).Number(row.SpilledMw).Number(row.CurtailedMw).Number(row.ShedMw)
                    .Number(row.PricePerMwh).Number(row.EmissionsT).Number(row.CarbonIntensityGPerKwh).Number(row.DatacenterItMw)
                    .Number(figures.AverageFactorGPerKwh).Number(figures.MarginalFactorGPerKwh).Text(figures.MarginalUnit).Number(figures.StoredMwh)
                    .EndRow();
            }
            foreach (var asset in scenario.Assets)
            {
                var s = report.Assets[asset.Index][k];
                var entry = window.Entry(asset, k);
                // Indirect: what a load or campus consumed at the region's average factor; a store passes its carbon on.
                var indirect = asset is StorageSpec ? 0 : entry.ConsumedMwh * window.Factors.AverageGPerKwh[asset.Region][k] / 1000;
                assets.Text(time).Text(asset.Id).Text(asset.Type).Text(scenario.Regions[asset.Region].Id)
                    .Number(s.ProducedMw).Number(s.ConsumedMw).Number(s.CurtailedMw).Number(s.ShedMw).Number(s.DeferredMw).Number(s.RecoveredMw).Number(s.UnservedMw)
                    .OptionalNumber(asset is StorageSpec ? s.EnergyMwh : null)
                    .Number(entry.EmissionsT).Number(indirect).Number(entry.Cost).Number(entry.NetMwh * report.Regions[asset.Region][k].PricePerMwh)
                    .EndRow();

                if (asset is DatacenterSpec dc)
                {
                    var it = s.ConsumedMw / dc.Pue;
                    var interactive = dc.InteractiveItMw[step];
                    datacenters.Text(time).Text(dc.Id).OptionalText(dc.Hub).Text(scenario.Regions[dc.Region].Id)
                        .Number(it).Number(s.ConsumedMw).Number(interactive).Number(Math.Max(0, it - interactive)).Number(received[dc.Index])
                        .EndRow();
                }
            }
            foreach (var link in scenario.Links)
            {
                var flow = report.Links[link.Index][k];
                links.Text(time).Text(link.Id).Text(scenario.Regions[link.From].Id).Text(scenario.Regions[link.To].Id)
                    .Number(flow.NetMw).Number(flow.ForwardMw).Number(flow.ReverseMw).Number((flow.ForwardMw + flow.ReverseMw) * link.LossFraction)
                    .EndRow();
            }
        }
        foreach (var table in new[] { regions, assets, links, datacenters })
        {
            table.EndWindow();
        }
    }

    /// <summary>IT power each campus ran in step k for workloads from other origins.</summary>
    private void WorkReceived(WindowReport report, int k, double[] received)
    {
        Array.Clear(received);
        if (report.Compute is not { } compute)
        {
            return;
        }
        for (var w = 0; w < compute.RunMw.Length; w++)
        {
            for (var r = 0; r < network.Routes[w].Length; r++)
            {
                if (network.Routes[w][r].Moves)
                {
                    received[network.Routes[w][r].Campus] += compute.RunMw[w][k][r];
                }
            }
        }
    }

    /// <summary>Writes summary.json and run.json, closes the files and moves the folder into place.</summary>
    public void Complete(SummaryAccumulator summary, string mode, RunInfo info)
    {
        CloseFiles();
        var grades = summary.Grades();
        using (var enterprises = EnterpriseTable.Open(staging, format))
        {
            EnterpriseTable.Write(enterprises, summary.Enterprises, grades);
        }
        File.WriteAllBytes(Path.Combine(staging, ResultFiles.Summary), SummaryJson.Write(scenario, summary, grades, mode));
        File.WriteAllBytes(Path.Combine(staging, ResultFiles.Run), SummaryJson.WriteRunInfo(info, summary));
        if (Directory.Exists(finalDirectory))
        {
            Directory.Delete(finalDirectory);
        }
        Directory.Move(staging, finalDirectory);
        completed = true;
    }

    private void CloseFiles()
    {
        regions.Dispose();
        assets.Dispose();
        links.Dispose();
        datacenters.Dispose();
    }

    public void Dispose()
    {
        CloseFiles();
        if (!completed && Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
