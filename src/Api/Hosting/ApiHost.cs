namespace GridActors.Api.Hosting;

/// <summary>Runs the API until it is stopped; a start that fails for a reason a user can fix ends in a sentence, not a stack trace.</summary>
public static class ApiHost
{
    /// <summary>The category the host reports a failed start under, with a stack trace; <see cref="RunAsync"/> says it in a sentence instead.</summary>
    public const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e)
        {
            // Kestrel's own sentence names the address: "Failed to bind to address http://…: address already in use."
            await Console.Error.WriteLineAsync($"gridactors api: {e.Message}");
            return 2;
        }
    }
}
