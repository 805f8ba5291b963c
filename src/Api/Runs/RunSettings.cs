using GridActors.Abstractions;

namespace GridActors.Api.Runs;

/// <summary>How a run is dispatched: by negotiating grains on the cluster, or as the whole-horizon LP.</summary>
public enum RunMode
{
    Negotiated,
    Optimal,
}

/// <summary>What a client chose for a run.</summary>
/// <param name="Mode">Negotiated on the cluster, or the central optimum (the whole-horizon LP, or rolling).</param>
/// <param name="Options">Window, look-ahead, negotiation and placement options.</param>
/// <param name="PaceStepsPerSecond">Simulated steps released per wall-clock second; null runs as fast as possible.</param>
/// <param name="Format">Which files the result tables are written as.</param>
/// <param name="Rolling">An optimal run solved window by window (the rolling optimum): asked for by giving window_steps or lookahead_steps.</param>
public sealed record RunSettings(RunMode Mode, RunOptions Options, double? PaceStepsPerSecond, GridActors.Model.Output.ResultFormat Format = GridActors.Model.Output.ResultFormat.Csv, bool Rolling = false);
