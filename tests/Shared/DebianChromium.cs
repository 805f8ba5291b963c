using Microsoft.Playwright;

namespace GridActors.Testing;

/// <summary>
/// Playwright driving Debian's Chromium (scripts/test.sh installs the package): Playwright is pointed at its executable
/// and never downloads a browser of its own. GRIDACTORS_CHROMIUM names another executable.
/// </summary>
public static class DebianChromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("GRIDACTORS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: scripts/test.sh installs Debian's chromium package (or set GRIDACTORS_CHROMIUM)");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    /// <summary>Console errors and uncaught exceptions of a page (with where they came from), collected as they happen.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, message) => errors.Add(message);
        return errors;
    }

    /// <summary>Where browser tests leave their screenshots: out/test-artifacts in the repository.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = RepositoryRoot.Path("out/test-artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
