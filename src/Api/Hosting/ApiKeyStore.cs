using System.Security.Cryptography;
using System.Text;
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
