using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace GridActors.Api.Hosting;

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
