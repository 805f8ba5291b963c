namespace GridActors.Model.Windows;

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
