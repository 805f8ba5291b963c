using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

/// <summary>Reads are open unless the server protects them.</summary>
public sealed class ReadAccessRequirement : IAuthorizationRequirement;

/// <summary>Lets a read through when the server leaves reads open (<see cref="ApiOptions.RequireKeyForReads"/>) or the caller sent the key.</summary>
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
