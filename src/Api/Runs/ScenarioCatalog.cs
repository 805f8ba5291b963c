using GridActors.Api.Hosting;
using GridActors.Model.Documents;
using GridActors.Model.Loading;
using GridActors.Model.Scenario;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Runs;

/// <summary>A scenario the server offers by name.</summary>
public sealed record ScenarioEntry(string Name, string? Description);

/// <summary>
/// The server's scenarios folder: runs start from a file in it by name (never by path), and uploaded
/// scenarios may name only files inside it.
/// </summary>
public sealed class ScenarioCatalog(IOptions<ApiOptions> options, IHostEnvironment environment)
{
    /// <summary>How an uploaded scenario is named in its error messages.</summary>
    public const string UploadName = "request body";

    private readonly Lazy<string> directory = new(() => Locate(options.Value.ScenariosDirectory, environment.ContentRootPath));

    public string Directory => directory.Value;

    /// <summary>
    /// The scenarios that can be started: regular *.yaml files of the folder within the size limit, links resolved and
    /// staying inside it. A pipe, a device or a link out is left out without being opened (a FIFO named fifo.yaml hung
    /// the listing, a link to /dev/zero took 8 GB).
    /// </summary>
    public IReadOnlyList<ScenarioEntry> List() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml")
            .Where(path => Problem(path) is null)
            .Select(path => new ScenarioEntry(Path.GetFileNameWithoutExtension(path), DescriptionOf(path)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Why a file of the folder may not be offered or read, or null: the same checks as every file a scenario names.</summary>
    private string? Problem(string path) =>
        ScenarioFiles.RealPath(path).StartsWith(ScenarioFiles.RealPath(Directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? ScenarioFiles.Problem(path, Limits.MaxYamlBytes)
            : $"{Path.GetFileName(path)} leads outside the scenarios folder";

    /// <summary>Loads the named scenario; unknown names get the closest known one as a hint.</summary>
    public (ResolvedScenario? Scenario, IReadOnlyList<ScenarioError> Errors) Load(string name)
    {
        // Every *.yaml of the folder by name, so that one that may not be read is refused with its reason.
        var present = System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).ToArray();
        if (!present.Contains(name, StringComparer.Ordinal))
        {
            // A name is quoted cut short, and one far longer than any file name gets no hint worth its comparison.
            var hint = name.Length <= ErrorText.QuotedLength ? ClosestName.Hint(name, List().Select(s => s.Name)) : "";
            return (null, [new ScenarioError(new SourceLocation(UploadName, 1, 1), "scenario", $"no scenario named '{ErrorText.Quote(name)}' on this server{hint}")]);
        }
        // Read like an upload: confined to the folder, links resolved, so no file of it leads out.
        var file = name + ".yaml";
        var path = Path.Combine(Directory, file);
        var (yaml, problem) = Problem(path) is { } refused ? (null, refused) : ScenarioFiles.ReadText(path, Limits.MaxYamlBytes);
        return yaml is null
            ? (null, [new ScenarioError(new SourceLocation(UploadName, 1, 1), "scenario", problem!)])
            : ScenarioLoader.TryLoadText(yaml, file, Directory, Limits);
    }

    public (ResolvedScenario? Scenario, IReadOnlyList<ScenarioError> Errors) LoadText(string yaml) =>
        ScenarioLoader.TryLoadText(yaml, UploadName, Directory, Limits);

    /// <summary>The API's bounds on a scenario: the defaults, with steps and asset-steps from its settings.</summary>
    private ScenarioLimits Limits => ScenarioLimits.Default with { MaxSteps = options.Value.MaxSteps, MaxAssetSteps = options.Value.MaxAssetSteps };

    /// <summary>The description line among the file's first lines (a listing reads no more than its head).</summary>
    private static string? DescriptionOf(string path)
    {
        foreach (var line in File.ReadLines(path).Take(200))
        {
            if (line.StartsWith("description:", StringComparison.Ordinal))
            {
                return line["description:".Length..].Trim();
            }
        }
        return null;
    }

    /// <summary>The configured folder, else the nearest "scenarios" folder above the content root or the program.</summary>
    private static string Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Environment.CurrentDirectory, contentRoot, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "scenarios");
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.yaml").Any())
                {
                    return candidate;
                }
            }
        }
        return Path.GetFullPath("scenarios");
    }
}
