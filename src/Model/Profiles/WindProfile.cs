namespace GridActors.Model.Profiles;

/// <summary>
/// Synthetic wind availability: an hourly autocorrelated (AR(1)) wind speed through a generic
/// turbine power curve. The mean wind speed is solved by bisection so that the mean over one
/// year of the same process equals the capacity factor.
/// </summary>
public static class WindProfile
{
    private const double HourlyCorrelation = 0.96;
    private const double SpeedSpread = 0.45;

    public static double[] Generate(int steps, int stepMinutes, double capacityFactor, SeededRandom random)
    {
        var stepsPerYear = 365 * 1440 / stepMinutes;
        var length = Math.Max(steps, stepsPerYear);
        var rho = Math.Pow(HourlyCorrelation, stepMinutes / 60.0);
        var noise = new double[length];
        var x = random.NextNormal();
        for (var i = 0; i < length; i++)
        {
            x = rho * x + Math.Sqrt(1 - rho * rho) * random.NextNormal();
            noise[i] = x;
        }

        double MeanOutput(double meanSpeed)
        {
            var sum = 0.0;
            for (var i = 0; i < stepsPerYear; i++)
            {
                sum += PowerCurve(Speed(meanSpeed, noise[i]));
            }
            return sum / stepsPerYear;
        }

        var low = 0.5;
        var high = 14.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var middle = (low + high) / 2;
            if (MeanOutput(middle) < capacityFactor)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        var speed = (low + high) / 2;
        var values = new double[steps];
        for (var s = 0; s < steps; s++)
        {
            values[s] = PowerCurve(Speed(speed, noise[s]));
        }
        return values;
    }

    private static double Speed(double mean, double noise) => Math.Max(0, mean * (1 + SpeedSpread * noise));

    /// <summary>Cut-in 3 m/s, rated 12 m/s, cut-out 25 m/s, cubic in between.</summary>
    public static double PowerCurve(double speed)
    {
        const double cutIn = 3, rated = 12, cutOut = 25;
        if (speed < cutIn || speed >= cutOut)
        {
            return 0;
        }
        if (speed >= rated)
        {
            return 1;
        }
        return (Math.Pow(speed, 3) - Math.Pow(cutIn, 3)) / (Math.Pow(rated, 3) - Math.Pow(cutIn, 3));
    }
}
