using GridActors.Model.Market;

namespace GridActors.Model.Results;

/// <summary>Everything one cleared window produced: the batch that goes to the result writers and the metrics.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WindowReport")]
public sealed record WindowReport(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] RegionRow[][] Regions,
    [property: Id(3)] AssetStep[][] Assets,
    [property: Id(4)] LinkStep[][] Links,
    [property: Id(5)] NegotiationRecord? Negotiation,
    [property: Id(6)] ComputeOutcome? Compute = null);

/// <summary>
/// How many bytes a window's report takes as one Orleans message, bounded from above: the report crosses from the run
/// grain to its driver (and to its record grain) whole, and Orleans refuses messages over 100 MB.
/// </summary>
public static class WindowReportSize
{
    /// <summary>Serialized bytes per asset and step (8 doubles with their field tags), per region and step, per link and step.</summary>
    private const int AssetStepBytes = 80;
    private const int RegionStepBytes = 200;
    private const int CarrierBytes = 10;
    private const int LinkStepBytes = 50;

    public static long Estimate(Scenario.ResolvedScenario scenario, int windowSteps)
    {
        var steps = (long)Math.Min(windowSteps, scenario.Steps);
        return steps * ((long)scenario.Assets.Length * AssetStepBytes
            + (long)scenario.Regions.Length * (RegionStepBytes + CarrierBytes * scenario.Carriers().Length)
            + (long)scenario.Links.Length * LinkStepBytes);
    }
}
