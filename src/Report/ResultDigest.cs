using System.Text.Json;
using System.Text.Json.Nodes;
using GridActors.Model.Output;

namespace GridActors.Report;

/// <summary>
/// What report.html shows of one result folder, read from its files: summary.json whole, and the time series of
/// regions.csv, links.csv and datacenters.csv averaged into buckets (at most <see cref="MaxPoints"/> per series, so a
/// national year stays a few MB) — never assets.csv, which is the size of assets × steps.
/// </summary>
public static class ResultDigest
{
    /// <summary>Most points per time series; a longer horizon is averaged over whole hours, days or weeks.</summary>
    public const int MaxPoints = 1500;

    private static readonly int[] BucketHours = [1, 2, 3, 4, 6, 12, 24, 168];

    /// <summary>Regions a report draws: the generator's most, more than any country has provinces.</summary>
    public const int MaxRegions = 999;

    /// <summary>Steps of a result: a hundred times the scenario format's default limit, so a raised GRIDACTORS_MAX_STEPS is drawn too.</summary>
    public const int MaxSteps = 10_000_000;

    /// <summary>Carrier columns of regions.csv: the scenario format has a dozen.</summary>
    public const int MaxCarriers = 64;

    public static JsonObject Read(string folder)
    {
        var summary = ResultJson.Read(folder, ResultFiles.Summary) as JsonObject ?? throw new InvalidDataException("summary.json is not a JSON object");
        var steps = ResultJson.Whole(summary, "summary.json", "steps", 1, MaxSteps);
        var stepMinutes = ResultJson.Whole(summary, "summary.json", "step_minutes", 1, 1440);
        if (DateTimeOffset.MaxValue.Subtract(ResultJson.Time(summary, "summary.json", "start")).TotalMinutes <= (double)steps * stepMinutes)
        {
            throw new InvalidDataException($"summary.json: steps: {steps:N0} steps of {stepMinutes} minutes end after the year 9999");
        }
        var bucket = BucketSteps(steps, stepMinutes);
        var buckets = (steps + bucket - 1) / bucket;
        var regions = (summary["regions"] as JsonObject ?? throw new InvalidDataException("summary.json: regions: expected an object of regions")).Select(r => r.Key).ToArray();
        if (regions.Length is 0 or > MaxRegions)
        {
            throw new InvalidDataException($"summary.json: regions: {regions.Length:N0} regions; a report draws 1 to {MaxRegions:N0}");
        }
        var digest = new JsonObject
        {
            ["summary"] = summary,
            ["bucket_hours"] = bucket * stepMinutes / 60.0,
            ["times"] = new JsonArray([.. Enumerable.Range(0, buckets).Select(b => (JsonNode)Time(summary, b * bucket * stepMinutes))]),
        };
        if (File.Exists(Path.Combine(folder, ResultFiles.Run)))
        {
            digest["run"] = ResultJson.Read(folder, ResultFiles.Run);
        }
        digest["regions"] = RegionSeries(Path.Combine(folder, ResultFiles.Csv(ResultFiles.Regions)), regions, steps, bucket, buckets);
        digest["links"] = LinkFlows(Path.Combine(folder, ResultFiles.Csv(ResultFiles.Links)), steps);
        digest["campuses"] = CampusWork(Path.Combine(folder, ResultFiles.Csv(ResultFiles.Datacenters)), bucket, buckets);
        return digest;
    }

    private static int BucketSteps(int steps, int stepMinutes)
    {
        foreach (var hours in BucketHours)
        {
            var bucket = Math.Max(1, hours * 60 / stepMinutes);
            if ((steps + bucket - 1) / bucket <= MaxPoints)
            {
                return bucket;
            }
        }
        return Math.Max(1, (steps + MaxPoints - 1) / MaxPoints);
    }

    private static string Time(JsonObject summary, int minutes) =>
        Model.Output.Numbers.Time(ResultJson.Time(summary, "summary.json", "start").AddMinutes(minutes));

    /// <summary>The regions.csv columns drawn over time, besides generation by carrier.</summary>
    private static readonly string[] RegionColumns =
        ["load_mw", "price_per_mwh", "curtailed_mw", "storage_energy_mwh", "imports_mw", "exports_mw", "average_factor_g_per_kwh", "marginal_factor_g_per_kwh", "unserved_mw"];

    private static JsonObject RegionSeries(string path, string[] regions, int steps, int bucket, int buckets)
    {
        using var csv = new CsvTable(path);
        var carriers = ResultFiles.CarriersIn(csv.Header);
        if (carriers.Length > MaxCarriers)
        {
            throw new InvalidDataException($"{csv.Name}: {carriers.Length:N0} carrier columns; a report draws at most {MaxCarriers}");
        }
        var names = carriers.Select(ResultFiles.CarrierColumn).Concat(RegionColumns).ToArray();
        var sums = regions.Select(_ => names.Select(_ => new double[buckets]).ToArray()).ToArray();
        var counts = new int[buckets];
        var index = regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        var row = 0;
        while (csv.Read())
        {
            var step = row / regions.Length;
            if (step >= steps)
            {
                throw new InvalidDataException($"{csv.Name}:{csv.Line}: more rows than summary.json's {steps:N0} steps × {regions.Length} regions");
            }
            if (!index.TryGetValue(csv.Text("region"), out var r))
            {
                throw new InvalidDataException($"{csv.Name}:{csv.Line}:region: '{Model.Loading.ErrorText.Quote(csv.Text("region"))}' is not a region of summary.json");
            }
            var b = step / bucket;
            if (r == 0)
            {
                counts[b]++;
            }
            for (var c = 0; c < names.Length; c++)
            {
                sums[r][c][b] += csv.Number(names[c]);
            }
            row++;
        }
        if (row != steps * regions.Length)
        {
            throw new InvalidDataException($"{path} has {row} rows, expected {steps} steps × {regions.Length} regions");
        }
        var result = new JsonObject { ["carriers"] = new JsonArray([.. carriers.Select(c => (JsonNode)c)]) };
        var series = new JsonObject();
        for (var r = 0; r < regions.Length; r++)
        {
            var region = new JsonObject();
            for (var c = 0; c < names.Length; c++)
            {
                region[names[c]] = Means(sums[r][c], counts);
            }
            series[regions[r]] = region;
        }
        result["series"] = series;
        return result;
    }

    private static JsonArray Means(double[] sums, int[] counts) =>
        new([.. sums.Select((s, b) => (JsonNode)Math.Round(counts[b] == 0 ? 0 : s / counts[b], 3))]);

    private static JsonArray LinkFlows(string path, int steps)
    {
        var links = new Dictionary<string, (string From, string To, double Net, double Abs, double Max)>(StringComparer.Ordinal);
        var order = new List<string>();
        using var csv = new CsvTable(path);
        while (csv.Read())
        {
            var id = csv.Text("link");
            var flow = csv.Number("flow_mw");
            if (!links.TryGetValue(id, out var sums))
            {
                order.Add(id);
                sums = (csv.Text("from"), csv.Text("to"), 0, 0, 0);
            }
            links[id] = (sums.From, sums.To, sums.Net + flow, sums.Abs + Math.Abs(flow), Math.Max(sums.Max, Math.Abs(flow)));
        }
        return new([.. order.Select(id =>
        {
            var l = links[id];
            return (JsonNode)new JsonObject
            {
                ["id"] = id, ["from"] = l.From, ["to"] = l.To,
                ["mean_net_mw"] = Math.Round(l.Net / steps, 3), ["mean_abs_mw"] = Math.Round(l.Abs / steps, 3), ["max_abs_mw"] = Math.Round(l.Max, 3),
            };
        })]);
    }

    /// <summary>Per campus that received compute work from other origins, the IT power it ran for them over time.</summary>
    private static JsonArray CampusWork(string path, int bucket, int buckets)
    {
        var received = new Dictionary<string, (string Region, double[] Sums)>(StringComparer.Ordinal);
        var order = new List<string>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        using var csv = new CsvTable(path);
        while (csv.Read())
        {
            var id = csv.Text("datacenter");
            if (!received.TryGetValue(id, out var campus))
            {
                campus = (csv.Text("region"), new double[buckets]);
                received[id] = campus;
                order.Add(id);
            }
            var step = rows.GetValueOrDefault(id);
            rows[id] = step + 1;
            campus.Sums[Math.Min(step / bucket, buckets - 1)] += csv.Number("work_received_mw");
        }
        var counts = Enumerable.Range(0, buckets).Select(b => Math.Max(1, Math.Min(bucket, rows.Values.DefaultIfEmpty(0).Max() - b * bucket))).ToArray();
        return new([.. order.Where(id => received[id].Sums.Any(s => s > 0)).Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id, ["region"] = received[id].Region, ["received_it_mw"] = Means(received[id].Sums, counts),
        })]);
    }

    /// <summary>The digest as JSON for a script element: '&lt;' and '&gt;' escaped, so no text in it can close the element.</summary>
    public static string ToScriptJson(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
}
