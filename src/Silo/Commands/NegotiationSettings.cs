using System.CommandLine;
using System.CommandLine.Parsing;
using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Options;
using GridActors.Model.PlacementPolicies;

namespace GridActors.Silo.Commands;

/// <summary>The options of a negotiated run, shared by <c>run</c> and <c>compare</c>.</summary>
public sealed class NegotiationSettings
{
    private readonly Option<int> windowSteps = new("--window-steps") { Description = "Steps committed per window.", DefaultValueFactory = _ => RunOptions.Default.WindowSteps };
    private readonly Option<int> lookaheadSteps = new("--lookahead-steps") { Description = "Steps planned beyond each window (storage and deferred demand look past the window's end; 0: myopic).", DefaultValueFactory = _ => RunOptions.Default.LookaheadSteps };
    private readonly Option<int> maxRounds = new("--max-rounds") { Description = "Negotiation rounds per window at most (1: the flexible assets answer the first prices only).", DefaultValueFactory = _ => RunOptions.Default.Negotiation.MaxRounds };
    private readonly Option<string> placement = new("--placement")
    {
        Description = "How compute work is placed: negotiated (workload brokers negotiate with the campuses), local (run at the origin, never moved) or carbon-greedy (run at once on the reachable campus with the lowest carbon intensity).",
        DefaultValueFactory = _ => OptionNames.Placement.Name(Placement.Negotiated),
    };
    private readonly Option<string> clearing = new("--clearing")
    {
        Description = $"Where the window market is cleared: central (the run grain clears every asset), regional (each region grain clears its own assets and the run grain couples the regions; docs/negotiation.md) or auto (regional from {ClearingChoice.RegionalFromAssets} assets in several regions, central below).",
        DefaultValueFactory = _ => OptionNames.Clearing.Name(Clearing.Auto),
    };
    private readonly Option<double> gap = new("--gap") { Description = "Relative gap at which a window's negotiation stops (its proven distance to the window optimum).", DefaultValueFactory = _ => RunOptions.Default.Negotiation.RelativeGap };

    public NegotiationSettings()
    {
        InRange(windowSteps, 1, RunOptionLimits.MaxWindowSteps);
        InRange(lookaheadSteps, 0, RunOptionLimits.MaxLookaheadSteps);
        InRange(maxRounds, 1, RunOptionLimits.MaxRounds);
        placement.AcceptOnlyFromAmong([.. OptionNames.Placement.Names]);
        clearing.AcceptOnlyFromAmong([.. OptionNames.Clearing.Names]);
        gap.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && (value < 0 || !double.IsFinite(value)))
            {
                result.AddError("--gap must be a number of at least 0");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(windowSteps);
        command.Options.Add(lookaheadSteps);
        command.Options.Add(maxRounds);
        command.Options.Add(gap);
        command.Options.Add(placement);
        command.Options.Add(clearing);
        command.Validators.Add(result =>
        {
            // An option whose value is not among its names has its own error.
            if (Parsed(result, clearing, OptionNames.Clearing) == Clearing.Regional && Parsed(result, placement, OptionNames.Placement) == Placement.CarbonGreedy)
            {
                result.AddError(RunOptionLimits.CarbonGreedyNeedsCentralClearing);
            }
        });
    }

    public RunOptions Read(ParseResult parse) => RunOptions.Default with
    {
        WindowSteps = parse.GetValue(windowSteps),
        LookaheadSteps = parse.GetValue(lookaheadSteps),
        Negotiation = new NegotiationOptions(parse.GetValue(maxRounds), parse.GetValue(gap)),
        // The options accept only the names, so every value parses.
        Placement = OptionNames.Placement.Parse(parse.GetValue(placement)!)!.Value,
        Clearing = OptionNames.Clearing.Parse(parse.GetValue(clearing)!)!.Value,
    };

    /// <summary>The option's value as given (its default when not given), read without converting it (a value outside its names would throw here); null for no name.</summary>
    private static T? Parsed<T>(CommandResult result, Option<string> option, NamedValues<T> names) where T : struct, Enum =>
        (result.GetResult(option) is { Implicit: false } given ? (given.Tokens.Count > 0 ? given.Tokens[^1].Value : null) : result.GetValue(option)) is { } text ? names.Parse(text) : null;

    /// <summary>The ranges are the API's too (<see cref="RunOptionLimits"/>).</summary>
    private static void InRange(Option<int> option, int low, int high) => option.Validators.Add(result =>
    {
        var value = result.GetValueOrDefault<int>();
        if (value < low || value > high)
        {
            result.AddError($"{option.Name} must be from {low} to {high:N0}, not {value}");
        }
    });
}
