namespace GridActors.Api.Hosting;

/// <summary>The API's settings: section "Api" of the configuration (appsettings.json, environment <c>Api__Name</c>, command line).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The key mutating requests must send in <c>X-Api-Key</c>; <c>GRIDACTORS_API_KEY</c> overrides it.</summary>
    public string? Key { get; set; }

    /// <summary>When true, reads (GET, the event stream, /metrics) need the key as well.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Runs that may be active (running or paused) at once; one more is refused with 429.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>
    /// Finished runs kept in memory (status, event history for late clients, results through the API); older ones
    /// are forgotten when a new run starts, their result folders stay on disk.
    /// </summary>
    public int MaxRetainedRuns { get; set; } = 50;

    /// <summary>
    /// Bytes of events one run keeps for clients that connect late or come back (<see cref="Runs.RunFeed"/>): with
    /// <see cref="MaxRetainedRuns"/>, what finished runs may hold in memory at most (50 × 8 MB).
    /// </summary>
    public long MaxEventBytesPerRun { get; set; } = Runs.RunFeed.DefaultMaxBytes;

    /// <summary>Steps a scenario may have (as <c>GRIDACTORS_MAX_STEPS</c> for the CLI).</summary>
    public int MaxSteps { get; set; } = Model.Loading.ScenarioLimits.Default.MaxSteps;

    /// <summary>
    /// Assets × steps a scenario may have. Lower than the CLI's, because a run's definition crosses the Orleans gateway
    /// as one message of about 8 bytes per asset-step, and Orleans refuses messages over 100 MB.
    /// </summary>
    public long MaxAssetSteps { get; set; } = 5_000_000;

    /// <summary>
    /// Asset-steps of a scenario an optimal run may have. Its whole horizon is one linear program solved in the API's
    /// own process: a generated 200-asset, 5,000-step scenario (1,000,000 asset-steps) held 2.1 GB with GLOP
    /// (docs/operations.md "Bounds"), so the default keeps an optimal run to about 2 GB; negotiated runs are bounded by
    /// <see cref="MaxAssetSteps"/> only, their LPs are a window long.
    /// </summary>
    public long MaxOptimalAssetSteps { get; set; } = 1_000_000;

    /// <summary>The largest request body accepted, in bytes (an uploaded scenario).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>Folder of named scenarios, and the only folder uploaded scenarios may name files in. Default: the repository's scenarios folder.</summary>
    public string? ScenariosDirectory { get; set; }

    /// <summary>Where each run's result folder is written, one sub-folder per run id.</summary>
    public string ResultsDirectory { get; set; } = Path.Combine("out", "live");

    /// <summary>How long a finished run's series stay on /metrics, so the last scrape sees its final values.</summary>
    public TimeSpan FinishedRunMetricsRetention { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>The Orleans cluster the API is a client of: section "Orleans".</summary>
public sealed class ClusterOptions
{
    public const string Section = "Orleans";

    public int GatewayPort { get; set; } = GridActors.Client.ClusterDefaults.GatewayPort;
    public string ClusterId { get; set; } = GridActors.Client.ClusterDefaults.ClusterId;

    /// <summary>A cluster on PostgreSQL (its connection string); <c>GRIDACTORS_POSTGRES</c> overrides it. Null: localhost clustering.</summary>
    public string? Postgres { get; set; }
}
