using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using GridActors.Api.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

/// <summary>
/// The key mutating requests must carry: <c>GRIDACTORS_API_KEY</c>, else <c>Api:Key</c>, else one made up at
/// start and written to a file only its owner may read (never to the log), so a server is never open by accident.
/// </summary>
public sealed class ApiKeyStore
{
    public const string Header = "X-Api-Key";
    public const string QueryParameter = "api_key";
    public const string EnvironmentVariable = "GRIDACTORS_API_KEY";
    public const string GeneratedKeyFile = "api-key";

    private readonly byte[] key;

    public ApiKeyStore(IOptions<ApiOptions> options, IConfiguration configuration, ILogger<ApiKeyStore> logger)
    {
        var configured = configuration[EnvironmentVariable] ?? options.Value.Key;
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var file = Path.GetFullPath(Path.Combine(options.Value.ResultsDirectory, GeneratedKeyFile));
            WriteOwnerOnly(file, configured + "\n");
            Log.GeneratedKey(logger, EnvironmentVariable, file);
        }
        key = Encoding.UTF8.GetBytes(configured);
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), key);

    private static void WriteOwnerOnly(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>
/// Who may call what, declared on each endpoint: <see cref="Key"/> (mutations; also every endpoint that declares
/// nothing) and <see cref="Read"/> (reads: the key only when <see cref="ApiOptions.RequireKeyForReads"/> is set).
/// Endpoints are matched by routing first, so the check cannot be dodged by spelling a path differently.
/// </summary>
public static class ApiAccess
{
    public const string Scheme = "ApiKey";
    public const string Key = "api-key";
    public const string Read = "read";

    public static IServiceCollection AddApiKeyAccess(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        var key = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(Key, key)
            .AddPolicy(Read, p => p.AddAuthenticationSchemes(Scheme).AddRequirements(new ReadAccessRequirement()))
            // An endpoint that says nothing about access needs the key: forgetting cannot open one.
            .SetFallbackPolicy(key);
        return services;
    }
}

/// <summary>Reads are open unless the server protects them.</summary>
public sealed class ReadAccessRequirement : IAuthorizationRequirement;

public sealed class ReadAccessHandler(IOptions<ApiOptions> options) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        if (!options.Value.RequireKeyForReads || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Authenticates by <c>X-Api-Key</c>; a GET may carry the key as <c>?api_key=</c> instead, because EventSource
/// cannot send headers. A refusal is a 401 problem saying which of the two went wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly ClaimsPrincipal Caller = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], ApiAccess.Scheme));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var sent = SentKey();
        if (sent is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(keys.Matches(sent)
            ? AuthenticateResult.Success(new AuthenticationTicket(Caller, ApiAccess.Scheme))
            : AuthenticateResult.Fail("the key sent is not this server's API key"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.Unauthorized(SentKey() is null
            ? $"this request needs the API key in the {ApiKeyStore.Header} header"
            : $"the key in the {ApiKeyStore.Header} header is not this server's API key").ExecuteAsync(Context);

    private string? SentKey()
    {
        var sent = Request.Headers[ApiKeyStore.Header].FirstOrDefault();
        if (sent is null && (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)))
        {
            sent = Request.Query[ApiKeyStore.QueryParameter].FirstOrDefault();
        }
        return sent;
    }
}
