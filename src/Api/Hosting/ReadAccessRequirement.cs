using Microsoft.AspNetCore.Authorization;

namespace GridActors.Api.Hosting;

/// <summary>Reads are open unless the server protects them.</summary>
public sealed class ReadAccessRequirement : IAuthorizationRequirement;
