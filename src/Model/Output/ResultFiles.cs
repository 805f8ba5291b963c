namespace GridActors.Model.Output;

/// <summary>
/// A result folder, declared once: its files, and the columns of its time-series tables in the order they are
/// written. The writers write through these declarations and the report, the API and the bench read through them;
/// <c>ResultFilesTests</c> holds a written folder to them. The README (its table of result files) and docs/carbon.md
/// describe the columns.
/// </summary>
public static class ResultFiles
{
    public const string Summary = "summary.json";

    /// <summary>How the run went (wall time, machine, LP work): the one file that differs between identical runs.</summary>
    public const string Run = "run.json";

    public const string Report = "report.html";

    /// <summary>compare's own file, beside the result folders of the modes it compared.</summary>
    public const string Compare = "compare.json";

    /// <summary>The result folders inside a compare folder: the negotiated run, the rolling optimum and the whole-horizon optimum.</summary>
    public const string NegotiatedFolder = "negotiated";
    public const string RollingOptimalFolder = "rolling-optimal";
    public const string OptimalFolder = "optimal";

    /// <summary>The tables, by the name their .csv and .parquet files take.</summary>
    public const string Regions = "regions";
    public const string Assets = "assets";
    public const string Links = "links";
    public const string Datacenters = "datacenters";
    public const string Enterprises = "enterprises";

    public static string Csv(string table) => table + ".csv";

    public static string Parquet(string table) => table + ".parquet";

    /// <summary>The suffix of regions.csv's generation columns, one per carrier: <c>coal_mw</c>.</summary>
    private const string CarrierSuffix = "_mw";

    /// <summary>regions.csv's generation column of a carrier.</summary>
    public static string CarrierColumn(string carrier) => carrier + CarrierSuffix;

    /// <summary>regions.csv before its generation columns.</summary>
    private static readonly ResultColumn[] RegionLeading = [Text("time"), Text("region"), Number("load_mw")];

    /// <summary>regions.csv after its generation columns.</summary>
    private static readonly ResultColumn[] RegionTrailing =
    [
        .. Numbers("storage_charge_mw", "storage_discharge_mw", "storage_net_mw", "imports_mw", "exports_mw", "unserved_mw", "spilled_mw", "curtailed_mw",
            "shed_mw", "price_per_mwh", "emissions_t", "carbon_intensity_g_per_kwh", "datacenter_it_mw", "average_factor_g_per_kwh", "marginal_factor_g_per_kwh"),
        Text("marginal_unit"), Number("storage_energy_mwh"),
    ];

    /// <summary>regions.csv: one row per step and region; generation by carrier between <c>load_mw</c> and <c>storage_charge_mw</c>.</summary>
    public static ResultColumn[] RegionColumns(IReadOnlyList<string> carriers) => [.. RegionLeading, .. carriers.Select(c => Number(CarrierColumn(c))), .. RegionTrailing];

    /// <summary>The carriers of a regions.csv header, in its order: its generation columns, which are the columns not declared apart from them.</summary>
    public static string[] CarriersIn(IEnumerable<string> regionsHeader)
    {
        var declared = RegionLeading.Concat(RegionTrailing).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return [.. regionsHeader.Where(c => !declared.Contains(c) && c.EndsWith(CarrierSuffix, StringComparison.Ordinal)).Select(c => c[..^CarrierSuffix.Length])];
    }

    /// <summary>assets.csv: one row per step and asset.</summary>
    public static ResultColumn[] AssetColumns { get; } =
    [
        Text("time"), Text("asset"), Text("type"), Text("region"),
        .. Numbers("produced_mw", "consumed_mw", "curtailed_mw", "shed_mw", "shifted_out_mw", "shifted_in_mw", "unserved_mw"),
        new("storage_energy_mwh", ColumnKind.OptionalNumber),
        .. Numbers("emissions_t", "indirect_emissions_t", "cost", "revenue"),
    ];

    /// <summary>links.csv: one row per step and link.</summary>
    public static ResultColumn[] LinkColumns { get; } = [Text("time"), Text("link"), Text("from"), Text("to"), .. Numbers("flow_mw", "forward_mw", "reverse_mw", "losses_mw")];

    /// <summary>datacenters.csv: one row per step and campus.</summary>
    public static ResultColumn[] DatacenterColumns { get; } =
        [Text("time"), Text("datacenter"), Text("hub"), Text("region"), .. Numbers("it_mw", "facility_mw", "interactive_it_mw", "batch_it_mw", "work_received_mw")];

    private static ResultColumn Text(string name) => new(name, ColumnKind.Text);

    private static ResultColumn Number(string name) => new(name, ColumnKind.Number);

    private static ResultColumn[] Numbers(params string[] names) => [.. names.Select(Number)];
}
