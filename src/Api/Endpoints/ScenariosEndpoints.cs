using GridActors.Api.Runs;

namespace GridActors.Api.Endpoints;

/// <summary>The scenarios runs can start from by name, and liveness.</summary>
public static class ScenariosEndpoints
{
    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/scenarios", (ScenarioCatalog catalog) => TypedResults.Ok(catalog.List()))
            .WithTags("Scenarios")
            .WithName("ListScenarios")
            .WithSummary("The scenarios in the server's folder, by name")
            .RequireAuthorization(Hosting.ApiAccess.Read);
        endpoints.MapGet("/health", async (Hosting.ClusterConnectionState cluster, Hosting.ClusterProbe probe) =>
            {
                var problem = await probe.ProblemAsync();
                return TypedResults.Ok(new HealthReport("ok", cluster.Label, problem));
            })
            .WithTags("Health")
            .WithSummary("Liveness of the API process, and whether it has reached its cluster")
            // A probe for operators and orchestrators, outside the API's contract (it has no error answers to document).
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }
}

/// <summary>
/// The API is up; <paramref name="Cluster"/> says whether runs can start: "connected", or not yet ("connecting") or no
/// longer ("lost"), with why in <paramref name="Detail"/>.
/// </summary>
public sealed record HealthReport(string Status, string Cluster, string? Detail);
