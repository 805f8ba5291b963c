using GridActors.Api.Runs;

namespace GridActors.Api.Endpoints;

/// <summary>The scenarios runs can start from by name, and liveness.</summary>
public static class ScenariosEndpoints
{
    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/scenarios", (ScenarioCatalog catalog) => TypedResults.Ok(catalog.List()))
            .WithTags("Scenarios")
            .WithSummary("The scenarios in the server's folder, by name")
            .RequireAuthorization(Hosting.ApiAccess.Read);
        endpoints.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }))
            .WithTags("Health")
            .WithSummary("Liveness of the API process")
            .AllowAnonymous();
        return endpoints;
    }
}
