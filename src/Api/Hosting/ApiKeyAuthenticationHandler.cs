using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

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
