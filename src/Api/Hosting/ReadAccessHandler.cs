using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

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
