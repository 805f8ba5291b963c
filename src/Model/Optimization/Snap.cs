namespace GridActors.Model.Optimization;

/// <summary>Solver round-off: values within a hair of a bound are put on it, so results balance and compare exactly.</summary>
public static class Snap
{
    public const double ToleranceMw = 1e-7;

    public static double Value(double value, double lower, double upper)
    {
        if (value - lower < ToleranceMw)
        {
            return lower;
        }
        return upper - value < ToleranceMw ? upper : value;
    }

    public static double NonNegative(double value) => value < ToleranceMw ? 0 : value;
}
