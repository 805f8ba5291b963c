using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridActors.Api.Hosting;

/// <summary>
/// What the OpenAPI document says beyond the endpoints' own metadata, so that a client generated from it can
/// authenticate and a linter finds nothing to say: the X-Api-Key scheme, which operations need it (from the same
/// policies that enforce it), their 401, a relative server and the tags' descriptions.
/// </summary>
public static class OpenApiContract
{
    public const string SchemeName = "ApiKey";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Runs"] = "Start, watch, pause, resume and cancel runs; their live snapshots and event stream.",
        ["Results"] = "The result files of a completed run, the same as `gridactors run` writes.",
        ["Scenarios"] = "The scenarios this server offers by name.",
        ["Health"] = "Liveness of the API and whether it has reached its cluster.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GridActors API";
            document.Info.Description = "Live runs of GridActors scenarios on an Orleans cluster. Mutations need the API key in the X-Api-Key header; reads need it when the server protects them.";
            // Relative: the document is right wherever the API is served.
            document.Servers = [new OpenApiServer { Url = "/", Description = "this server" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyStore.Header,
                Description = $"The server's API key ({ApiKeyStore.EnvironmentVariable} or Api:Key).",
            };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault();
            if (policy is null)
            {
                // Anonymous: nothing to send.
                operation.Security = [new OpenApiSecurityRequirement()];
                return Task.CompletedTask;
            }
            var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
            // Reads need the key only on servers that protect them: the empty requirement says "or nothing".
            operation.Security = policy == ApiAccess.Read ? [new OpenApiSecurityRequirement(), key] : [key];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse
            {
                Description = policy == ApiAccess.Read ? "The server protects reads and the key is missing or wrong." : "The API key is missing or wrong.",
            });
            return Task.CompletedTask;
        });
    }
}
