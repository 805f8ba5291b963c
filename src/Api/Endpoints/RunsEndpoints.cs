using System.Text;
using System.Text.Json;
using GridActors.Abstractions;
using GridActors.Api.Hosting;
using GridActors.Api.Runs;
using GridActors.Model.Options;
using GridActors.Model.Output;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Endpoints;

/// <summary>Run control: start, list, inspect, pause, resume, cancel, and the latest region snapshot.</summary>
public static class RunsEndpoints
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/api/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync)
            .WithName("StartRun")
            .WithSummary("Start a run")
            .WithDescription("JSON body {scenario | yaml, mode, window_steps, lookahead_steps, max_rounds, pace, placement, clearing, format}, or a YAML scenario body (application/yaml) with the options in the query string. Needs X-Api-Key.")
            .Accepts<RunStartRequest>("application/json", YamlTypes)
            .Produces<RunDescription>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ApiAccess.Key);
        runs.MapGet("/", (RunRegistry registry) => TypedResults.Ok(registry.All.Select(r => RunDescription.Of(r, withSummary: false)).ToArray()))
            .WithName("ListRuns")
            .WithSummary("List runs, oldest first")
            .RequireAuthorization(ApiAccess.Read);
        runs.MapGet("/{id}", Results<Ok<RunDescription>, ProblemHttpResult> (string id, RunRegistry registry) =>
                registry.Find(id) is { } run ? TypedResults.Ok(RunDescription.Of(run, withSummary: true)) : (ProblemHttpResult)ApiProblems.UnknownRun(id))
            .WithName("GetRun")
            .WithSummary("A run's status and progress, and its summary once completed")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiAccess.Read);
        MapControl(runs, "pause", "PauseRun", "Hold the run at its next step boundary", r => r.Pause(), announce: true);
        MapControl(runs, "resume", "ResumeRun", "Continue a paused run", r => r.Resume(), announce: true);
        MapControl(runs, "cancel", "CancelRun", "Stop the run; it writes no result folder", r => r.Cancel(), announce: false);
        runs.MapGet("/{id}/regions", (string id, RunRegistry registry) =>
                registry.Find(id) is { } run ? Results.Ok(new LatestRegions(run.Id, run.View().Latest)) : ApiProblems.UnknownRun(id))
            .WithName("GetLatestRegions")
            .WithSummary("The latest cleared step of every region")
            .Produces<LatestRegions>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiAccess.Read);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, RunRegistry registry, ScenarioCatalog catalog, IOptions<ApiOptions> options, LiveJson json,
        ClusterProbe cluster)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return ApiProblems.TooLarge(limit);
        }
        var (body, refusal) = await ReadBodyAsync(request, limit);
        if (body is null)
        {
            return refusal!;
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(body) && (mediaType == "application/json" || mediaType is not null && YamlTypes.Contains(mediaType)))
        {
            return ApiProblems.InvalidRequest(ScenarioCatalog.UploadName, [("body", mediaType == "application/json"
                ? "is empty; send {\"scenario\": NAME} or {\"yaml\": TEXT} with the run's options"
                : "is empty; send the scenario's YAML")]);
        }
        RunStartRequest start;
        if (mediaType == "application/json")
        {
            try
            {
                start = JsonSerializer.Deserialize<RunStartRequest>(body, json.RequestOptions) ?? new RunStartRequest();
            }
            catch (JsonException e)
            {
                return ApiProblems.InvalidRequest(ScenarioCatalog.UploadName, [(e.Path ?? "$", $"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {JsonProblem.Sentence<RunStartRequest>(e)}")]);
            }
            if ((start.Scenario is null) == (start.Yaml is null))
            {
                return ApiProblems.InvalidRequest(ScenarioCatalog.UploadName, [("scenario", "give either scenario (the name of a scenario on this server) or yaml (the scenario itself), not both or neither")]);
            }
        }
        else if (mediaType is not null && YamlTypes.Contains(mediaType))
        {
            var (fromQuery, queryProblems) = FromQuery(request.Query, body);
            if (fromQuery is null)
            {
                return ApiProblems.InvalidRequest("query", queryProblems);
            }
            start = fromQuery;
        }
        else
        {
            return ApiProblems.UnsupportedMediaType(request.ContentType);
        }

        var (settings, problems) = start.ToSettings();
        if (settings is null)
        {
            return ApiProblems.InvalidRequest(mediaType == "application/json" ? ScenarioCatalog.UploadName : "query", problems);
        }
        var (scenario, errors) = start.Scenario is { } name ? catalog.Load(name) : catalog.LoadText(start.Yaml!);
        if (scenario is null)
        {
            return ApiProblems.InvalidScenario(errors);
        }
        if (settings.Mode == RunMode.Optimal && OptimalTooLarge(scenario, settings, options.Value.MaxOptimalAssetSteps) is { } tooBig)
        {
            return ApiProblems.InvalidRequest(mediaType == "application/json" ? ScenarioCatalog.UploadName : "query", [("mode", tooBig)]);
        }
        if (settings.Mode == RunMode.Negotiated && RunOptionLimits.ReportTooLarge(scenario, settings.Options.WindowSteps) is { } tooLarge)
        {
            return ApiProblems.InvalidRequest(mediaType == "application/json" ? ScenarioCatalog.UploadName : "query", [("window_steps", tooLarge)]);
        }
        if (settings.Mode == RunMode.Negotiated && await cluster.ProblemAsync() is { } unreachable)
        {
            return ApiProblems.ClusterUnavailable(unreachable);
        }
        if (registry.TryStart(scenario, settings) is not { } run)
        {
            return ApiProblems.TooManyRuns(options.Value.MaxConcurrentRuns);
        }
        return TypedResults.Created($"/api/runs/{run.Id}", RunDescription.Of(run, withSummary: false));
    }

    /// <summary>
    /// Why an optimal run of <paramref name="scenario"/> would be too large to solve here, or null: its one LP (the whole
    /// horizon, or one window and its look-ahead when it rolls) is bounded.
    /// </summary>
    private static string? OptimalTooLarge(GridActors.Model.Scenario.ResolvedScenario scenario, RunSettings settings, long limit)
    {
        var assets = scenario.Assets.Length + scenario.Compute.Workloads.Length;
        var steps = settings.Rolling ? (int)Math.Min(scenario.Steps, (long)settings.Options.WindowSteps + settings.Options.LookaheadSteps) : scenario.Steps;
        var assetSteps = (long)assets * steps;
        return assetSteps <= limit ? null
            : settings.Rolling
                ? $"each window of this rolling optimum is one linear program of {assets:N0} assets × {steps:N0} steps (window and look-ahead) = {assetSteps:N0} asset-steps, "
                    + $"more than the {limit:N0} this server solves at once (Api:MaxOptimalAssetSteps); use shorter windows"
                : $"an optimal run of this scenario is one linear program of {assets:N0} assets × {scenario.Steps:N0} steps = {assetSteps:N0} asset-steps, "
                    + $"more than the {limit:N0} this server solves at once (Api:MaxOptimalAssetSteps); give window_steps and lookahead_steps to solve it window by window (the rolling optimum), or run it negotiated";
    }

    /// <summary>POST /api/runs/{id}/ACTION: one of the run's controls, with the answers every control can give.</summary>
    private static void MapControl(RouteGroupBuilder runs, string action, string name, string summary, Func<LiveRun, bool> apply, bool announce) =>
        runs.MapPost($"/{{id}}/{action}", (string id, RunRegistry registry, LiveJson json) => Control(id, registry, json, apply, announce))
            .WithName(name)
            .WithSummary(summary)
            .Produces<RunDescription>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ApiAccess.Key);

    private static IResult Control(string id, RunRegistry registry, LiveJson json, Func<LiveRun, bool> action, bool announce)
    {
        if (registry.Find(id) is not { } run)
        {
            return ApiProblems.UnknownRun(id);
        }
        if (!action(run))
        {
            return ApiProblems.Conflict($"run '{id}' has already ended ({run.Status.ToString().ToLowerInvariant()})");
        }
        if (announce)
        {
            // Clients learn of the pause or resume in the stream itself, between the windows it holds or releases.
            run.Feed.Append("status", json.Serialize(new { run = run.Id, status = run.Status }));
        }
        return TypedResults.Accepted($"/api/runs/{id}", RunDescription.Of(run, withSummary: false));
    }

    /// <summary>
    /// The body as text (a leading byte-order mark dropped, as the CLI does), or the answer when it cannot be read: too
    /// large, malformed HTTP (a chunk size that overflows) or arriving too slowly (Kestrel's minimum data rate).
    /// </summary>
    private static async Task<(string? Body, IResult? Refusal)> ReadBodyAsync(HttpRequest request, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, ApiProblems.TooLarge(limit));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (the same number) tripped first on a body sent without Content-Length.
            return (null, ApiProblems.TooLarge(limit));
        }
        catch (BadHttpRequestException e)
        {
            return (null, ApiProblems.UnreadableBody(e.StatusCode, GridActors.Model.Loading.ErrorText.FirstLine(e.Message)));
        }
        catch (IOException e) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Kestrel reports some malformed chunked bodies this way (a chunk size of 17 hex digits overflows).
            return (null, ApiProblems.UnreadableBody(StatusCodes.Status400BadRequest, GridActors.Model.Loading.ErrorText.FirstLine(e.Message)));
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), null);
    }

    private static (RunStartRequest? Request, IReadOnlyList<(string Field, string Message)> Problems) FromQuery(IQueryCollection query, string yaml)
    {
        var problems = new List<(string, string)>();
        int? Int(string key) => Read<int>(key, System.Globalization.NumberStyles.Integer, "a whole number");
        double? Number(string key) => Read<double>(key, System.Globalization.NumberStyles.Float, "a number");

        T? Read<T>(string key, System.Globalization.NumberStyles styles, string noun) where T : struct, System.Numerics.INumberBase<T>
        {
            if (!query.TryGetValue(key, out var text))
            {
                return null;
            }
            if (T.TryParse(text.ToString(), styles, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            problems.Add((key, $"'{GridActors.Model.Loading.ErrorText.Quote(text.ToString())}' is not {noun}"));
            return null;
        }
        var request = new RunStartRequest(null, yaml, query["mode"].FirstOrDefault(), Int("window_steps"), Int("lookahead_steps"), Int("max_rounds"), Number("pace"), query["placement"].FirstOrDefault(), query["clearing"].FirstOrDefault(), query["format"].FirstOrDefault());
        return problems.Count == 0 ? (request, problems) : (null, problems);
    }
}

/// <summary>The latest cleared step of every region of a run; null before the first window.</summary>
public sealed record LatestRegions(string Run, StepSnapshot? Latest);
