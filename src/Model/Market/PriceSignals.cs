namespace GridActors.Model.Market;

/// <summary>What the clearings do with the prices they send: start from the previous window's, draw them towards stable ones (the regional coordinator), and measure how far they moved.</summary>
public static class PriceSignals
{
    /// <summary>The prices of a window's first signal: the previous window's prices for the steps it already planned, <paramref name="prices"/> beyond.</summary>
    public static double[][] Overlay(double[][] prices, double[][] warm)
    {
        var result = prices.Select(p => (double[])p.Clone()).ToArray();
        for (var r = 0; r < result.Length; r++)
        {
            Array.Copy(warm[r], result[r], Math.Min(warm[r].Length, result[r].Length));
        }
        return result;
    }

    /// <summary><paramref name="weight"/> × <paramref name="stable"/> + (1 - <paramref name="weight"/>) × <paramref name="latest"/>, region by region and step by step.</summary>
    public static double[][] Blend(double[][] stable, double[][] latest, double weight) =>
        [.. latest.Select((p, r) => p.Select((x, k) => weight * stable[r][k] + (1 - weight) * x).ToArray())];

    /// <summary>The largest change of any region's price in any step between two signals (per MWh).</summary>
    public static double MaxChange(double[][] before, double[][] after)
    {
        var max = 0.0;
        for (var r = 0; r < before.Length; r++)
        {
            for (var k = 0; k < before[r].Length; k++)
            {
                max = Math.Max(max, Math.Abs(after[r][k] - before[r][k]));
            }
        }
        return max;
    }
}
