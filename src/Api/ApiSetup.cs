using GridActors.Api.Endpoints;
using GridActors.Api.Hosting;
using GridActors.Api.Metrics;
using GridActors.Api.Runs;
using GridActors.Client;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace GridActors.Api;

/// <summary>What Program.cs composes: the services of the API, and its endpoints and middleware.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddGridApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Request URLs may carry ?api_key= (EventSource cannot send headers): the hosting log that prints every URL
        // stays quiet whatever the configuration says, so a key never reaches a log.
        builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        builder.Logging.AddFilter(ApiHost.HostLogCategory, LogLevel.Critical);
        services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        services.Configure<ClusterOptions>(builder.Configuration.GetSection(ClusterOptions.Section));
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        var postgres = builder.Configuration["GRIDACTORS_POSTGRES"] is { Length: > 0 } fromEnvironment ? fromEnvironment : cluster.Postgres;
        var hostedBefore = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        builder.UseOrleansClient(client =>
        {
            client.UseGridCluster(postgres, cluster.ClusterId, cluster.GatewayPort);
            client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetry>();
            client.Services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>, ClusterConnectedSignal>();
        });
        var maxBody = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.MaxRequestBodyBytes ?? new ApiOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        services.ConfigureHttpJsonOptions(o => LiveJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiContract.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveJson>();
        services.AddSingleton<ClusterConnectionState>();
        services.AddSingleton<ClusterProbe>();
        BackgroundConnection.Wrap(services, hostedBefore);
        services.AddSingleton<ApiKeyStore>();
        services.AddApiKeyAccess();
        services.AddSingleton<ScenarioCatalog>();
        services.AddSingleton(new ClusterStorage(Persistent: postgres is not null));
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunRegistry>();
        services.AddSingleton<LiveMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LiveMetrics.MeterName, OrleansMeter)
            .AddView(OrleansView)
            .AddPrometheusExporter());
        return builder;
    }

    private const string OrleansMeter = "Microsoft.Orleans";
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Orleans' own client metrics, made to pass promtool: a help text where Orleans gives none, only the
    /// snake_case "silo" label on the messaging instruments (the others are PascalCase), and none in
    /// milliseconds or megabytes (Prometheus wants seconds and bytes).
    /// </summary>
    private static MetricStreamConfiguration? OrleansView(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Meter.Name != OrleansMeter ? null
        : instrument.Unit is "ms" or "MB" ? MetricStreamConfiguration.Drop
        : new MetricStreamConfiguration
        {
            Description = string.IsNullOrEmpty(instrument.Description) ? $"Orleans {instrument.Name.Replace('-', ' ')}." : instrument.Description,
            TagKeys = instrument.Name.Contains("messaging", StringComparison.Ordinal) ? ["silo"] : null,
        };

    public static WebApplication MapGridApi(this WebApplication app)
    {
        // Made at start so a generated key is logged before the first request, and the meter exists before the first scrape.
        app.Services.GetRequiredService<ApiKeyStore>();
        app.Services.GetRequiredService<LiveMetrics>();
        var results = Path.GetFullPath(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.ResultsDirectory);
        var logger = app.Services.GetRequiredService<ILogger<ApiKeyStore>>();
        Log.ResultsDirectory(logger, results);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        // The dashboard's charting library, the one report.html inlines: part of the page, so as open as the page.
        app.MapGet("/vendor/echarts.min.js", () => Results.Stream(GridActors.Report.ReportPage.ChartingLibrary(), "text/javascript"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/reference", o => o
            .WithTitle("GridActors API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Everything from this server: Scalar's script is embedded in its package, and its web fonts stay off.
            .DisableDefaultFonts()).AllowAnonymous();
        app.MapScenariosApi();
        app.MapRunsApi();
        app.MapEventsApi();
        app.MapResultsApi();
        app.MapPrometheusScrapingEndpoint().RequireAuthorization(ApiAccess.Read);
        return app;
    }
}
