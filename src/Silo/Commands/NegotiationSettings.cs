using System.CommandLine;
using GridActors.Grains.Abstractions;
using GridActors.Model.Market;

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
        DefaultValueFactory = _ => "negotiated",
    };
    private readonly Option<double> gap = new("--gap") { Description = "Relative gap at which a window's negotiation stops (its proven distance to the window optimum).", DefaultValueFactory = _ => RunOptions.Default.Negotiation.RelativeGap };

    public NegotiationSettings()
    {
        AtLeast(windowSteps, 1);
        AtLeast(lookaheadSteps, 0);
        AtLeast(maxRounds, 1);
        placement.AcceptOnlyFromAmong("negotiated", "local", "carbon-greedy");
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
    }

    public RunOptions Read(ParseResult parse) => RunOptions.Default with
    {
        WindowSteps = parse.GetValue(windowSteps),
        LookaheadSteps = parse.GetValue(lookaheadSteps),
        Negotiation = new NegotiationOptions(parse.GetValue(maxRounds), parse.GetValue(gap)),
        Placement = parse.GetValue(placement) switch { "local" => Placement.Local, "carbon-greedy" => Placement.CarbonGreedy, _ => Placement.Negotiated },
    };

    private static void AtLeast(Option<int> option, int minimum) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < minimum)
        {
            result.AddError($"{option.Name} must be at least {minimum}");
        }
    });
}
