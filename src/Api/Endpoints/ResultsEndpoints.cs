using GridActors.Api.Hosting;
using GridActors.Api.Runs;

namespace GridActors.Api.Endpoints;

/// <summary>A completed run's result folder: the same files `gridactors run` writes.</summary>
public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder endpoints)
    {
        var results = endpoints.MapGroup("/api/runs/{id}/results").WithTags("Results").RequireAuthorization(Hosting.ApiAccess.Read);
        results.MapGet("/", (string id, RunRegistry registry) =>
            {
                var (directory, problem) = Folder(id, registry);
                return directory is null ? problem! : Results.Ok(Files(directory));
            })
            .WithName("ListResultFiles")
            .WithSummary("The names of a completed run's result files")
            .Produces<string[]>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        results.MapGet("/{file}", (string id, string file, RunRegistry registry) =>
            {
                var (directory, problem) = Folder(id, registry);
                if (directory is null)
                {
                    return problem!;
                }
                var files = Files(directory);
                // Only names listed in the folder are served: no path from the client reaches the file system.
                var name = files.FirstOrDefault(f => string.Equals(f, file, StringComparison.Ordinal));
                return name is null
                    ? ApiProblems.NotFound($"run '{id}' has no result file '{GridActors.Model.Loading.ErrorText.Quote(file)}'; it has {string.Join(", ", files)}")
                    : Results.File(Path.Combine(directory, name), ContentType(name), name);
            })
            .WithName("GetResultFile")
            .WithSummary("One result file: regions.csv, assets.csv, links.csv, datacenters.csv, enterprises.csv, summary.json, run.json, report.html")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static (string? Directory, IResult? Problem) Folder(string id, RunRegistry registry)
    {
        if (registry.Find(id) is not { } run)
        {
            return (null, ApiProblems.UnknownRun(id));
        }
        var status = run.Status;
        if (status != RunStatus.Completed)
        {
            return (null, ApiProblems.Conflict($"run '{id}' is {status.ToString().ToLowerInvariant()}; its result files are written when it completes"));
        }
        return (run.ResultsDirectory, null);
    }

    private static string[] Files(string directory) =>
        [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };
}
