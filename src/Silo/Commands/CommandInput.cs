using GridActors.Model.Loading;
using GridActors.Model.Output;
using GridActors.Model.Scenario;

namespace GridActors.Silo.Commands;

/// <summary>
/// What every dispatching command checks before it starts: the scenario loads and validates, and
/// the result folder can be written. A user's mistake costs nothing and prints no stack trace.
/// </summary>
public static class CommandInput
{
    /// <summary>The scenario and its result folder, or the exit code after the errors were printed.</summary>
    public static (ResolvedScenario? Scenario, string OutputDirectory, int ExitCode) Prepare(string path, string? outputDirectory, string mode)
    {
        var (resolved, errors) = ScenarioLoader.TryLoad(path, ScenarioLimits.FromEnvironment());
        if (resolved is null)
        {
            return (null, "", ErrorReport.Print(errors));
        }
        outputDirectory ??= Path.Combine("out", $"{resolved.Name}-{mode}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
        if (OutputPaths.FolderProblem(outputDirectory) is { } problem)
        {
            return (null, "", ErrorReport.Print(problem));
        }
        return (resolved, outputDirectory, 0);
    }
}
