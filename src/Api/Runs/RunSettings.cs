using GridActors.Abstractions;
using GridActors.Model.Options;

namespace GridActors.Api.Runs;

/// <summary>What a client chose for a run.</summary>
/// <param name="Mode">Negotiated on the cluster, or the central optimum (the whole-horizon LP, or rolling).</param>
/// <param name="Options">Window, look-ahead, negotiation and placement options.</param>
/// <param name="PaceStepsPerSecond">Simulated steps released per wall-clock second; null runs as fast as possible.</param>
/// <param name="Format">Which files the result tables are written as.</param>
/// <param name="Rolling">An optimal run solved window by window (the rolling optimum): asked for by giving window_steps or lookahead_steps.</param>
public sealed record RunSettings(RunMode Mode, RunOptions Options, double? PaceStepsPerSecond, GridActors.Model.Options.ResultFormat Format = GridActors.Model.Options.ResultFormat.Csv, bool Rolling = false);
