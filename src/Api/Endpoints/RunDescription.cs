using System.Text.Json.Nodes;
using GridActors.Api.Runs;
using GridActors.Model.Options;

namespace GridActors.Api.Endpoints;

/// <summary>Where to find a run's parts.</summary>
public sealed record RunLinks(string Self, string Events, string Regions, string Results);

/// <summary>A run as GET /api/runs/{id} shows it: settings, status, progress and, once completed, its summary.json.</summary>
public sealed record RunDescription(
    string Id,
    string Scenario,
    string Currency,
    RunMode Mode,
    RunStatus Status,
    int StepsDone,
    int TotalSteps,
    double Progress,
    double StepsPerSecond,
    int WindowSteps,
    double? PaceStepsPerSecond,
    string Placement,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    RunLinks Links,
    JsonNode? Summary)
{
    public static RunDescription Of(LiveRun run, bool withSummary)
    {
        var view = run.View();
        var self = $"/api/runs/{run.Id}";
        return new RunDescription(
            run.Id, run.ScenarioName, run.Currency, run.Settings.Mode, view.Status, view.StepsDone, run.TotalSteps,
            run.TotalSteps == 0 ? 0 : (double)view.StepsDone / run.TotalSteps, view.StepsPerSecond,
            run.Settings.Options.WindowSteps, run.Settings.PaceStepsPerSecond, OptionNames.Placement.Name(run.Settings.Options.Placement),
            run.CreatedAt, view.StartedAt, view.FinishedAt, view.Error,
            new RunLinks(self, self + "/events", self + "/regions", self + "/results"),
            withSummary && view.Status == RunStatus.Completed ? RunExecutor.ReadSummary(run) : null);
    }
}
