using System.Security.Cryptography;
using System.Text;
using GridActors.Api.Endpoints;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

/// <summary>
/// The key mutating requests must carry: <c>GRIDACTORS_API_KEY</c>, else <c>Api:Key</c>, else one made up at
/// start and written to the log once, so a server is never open by accident.
/// </summary>
public sealed class ApiKeyStore
{
    public const string Header = "X-Api-Key";
    public const string EnvironmentVariable = "GRIDACTORS_API_KEY";

    private readonly byte[] key;

    public ApiKeyStore(IOptions<ApiOptions> options, IConfiguration configuration, ILogger<ApiKeyStore> logger)
    {
        var configured = configuration[EnvironmentVariable] ?? options.Value.Key;
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Log.GeneratedKey(logger, EnvironmentVariable, configured);
        }
        key = Encoding.UTF8.GetBytes(configured);
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), key);
}

/// <summary>
/// Mutations under /api need the key; reads (the API, the event stream, /metrics) need it only when
/// <see cref="ApiOptions.RequireKeyForReads"/> is set. The page and its scripts are always open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isApi = path.StartsWithSegments("/api", StringComparison.Ordinal);
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var needsKey = isApi && !isRead
            || options.Value.RequireKeyForReads && isRead && (isApi || path.StartsWithSegments("/metrics", StringComparison.Ordinal));
        if (needsKey)
        {
            var sent = context.Request.Headers[ApiKeyStore.Header].FirstOrDefault();
            // EventSource cannot send headers, so reads may carry the key in the query instead.
            if (sent is null && isRead)
            {
                sent = context.Request.Query["api_key"].FirstOrDefault();
            }
            if (!keys.Matches(sent))
            {
                await ApiProblems.Unauthorized(sent is null
                    ? $"this request needs the API key in the {ApiKeyStore.Header} header"
                    : $"the key in the {ApiKeyStore.Header} header is not this server's API key").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
