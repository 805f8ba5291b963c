using GridActors.Model.Market;

namespace GridActors.Model.Assets;

/// <summary>
/// A thermal plant's exact best answer to prices: the output per step that earns it most,
/// Σ (price − offer price) × output × step length, within its floors, ceilings and ramp.
/// Solved by dynamic programming over output levels: the best value of the steps so far as a
/// function of the last output is concave and piecewise linear, a ramp widens its maximum, and the
/// schedule is read back from each step's maximum projected into the ramp of the next. About
/// steps² operations, no LP; the LP of the same problem is its test oracle.
/// </summary>
public static class ThermalResponse
{
    /// <summary>The best schedule (MW per step) at <paramref name="pricePerMwh"/>, and what it earns (currency).</summary>
    public static (double[] OutputMw, double Earnings) Best(ThermalBid bid, double[] pricePerMwh, double stepHours)
    {
        var steps = bid.FloorMw.Length;
        var ramp = bid.RampMwPerStep;
        var maxima = new double[steps];
        var lows = new double[steps];
        var highs = new double[steps];
        ConcavePiecewise? value = null;
        for (var k = 0; k < steps; k++)
        {
            var slope = (pricePerMwh[k] - bid.PricePerMwh[k]) * stepHours;
            var low = bid.FloorMw[k];
            var high = bid.CeilingMw[k];
            if (value is null)
            {
                if (bid.PreviousOutputMw is { } previous && double.IsFinite(ramp))
                {
                    low = Math.Max(low, previous - ramp);
                    high = Math.Min(high, previous + ramp);
                }
                value = ConcavePiecewise.Linear(low, Math.Max(low, high), 0);
            }
            else if (double.IsFinite(ramp))
            {
                value.Dilate(ramp);
                if (!value.Clip(low, high))
                {
                    throw new InvalidOperationException($"plant {bid.Asset} cannot follow its limits within its ramp at step {k}");
                }
            }
            else
            {
                // Without a ramp every output is reachable from the best one before.
                var best = value.Maximum().Value;
                value = ConcavePiecewise.Linear(low, high, 0);
                value.AddConstant(best);
            }
            value.AddLinear(slope);
            (maxima[k], _) = value.Maximum();
            lows[k] = value.Start;
            highs[k] = value.End;
        }
        if (value is null)
        {
            return ([], 0);
        }
        var output = new double[steps];
        var earnings = value.Maximum().Value;
        output[steps - 1] = maxima[steps - 1];
        for (var k = steps - 2; k >= 0; k--)
        {
            // The value up to step k is concave: its best point within the ramp of the next output is its maximum, projected.
            var x = maxima[k];
            if (double.IsFinite(ramp))
            {
                x = Math.Clamp(x, output[k + 1] - ramp, output[k + 1] + ramp);
            }
            output[k] = Math.Clamp(x, lows[k], highs[k]);
        }
        return (output, earnings);
    }
}
