using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Coupling;

/// <summary>
/// One step of a region's bid curve in the coordinator: a block, or a plant group's room above its floor in that
/// step, up to <see cref="Mw"/> at <see cref="PricePerMwh"/>. It is <see cref="Taken"/> (assumed fully used: its MW
/// are in the balance's base) or not (assumed unused), and has a column only once the solution needs one: more of
/// it when it is not taken, less of it when it is.
/// </summary>
internal sealed class CurveOffer(double mw, double pricePerMwh, bool taken)
{
    public double Mw { get; } = mw;

    public double PricePerMwh { get; } = pricePerMwh;

    public bool Taken { get; } = taken;

    public LpVariable? Column { get; set; }

    /// <summary>+1 when the column adds output, −1 when it gives back output assumed taken.</summary>
    public int Sign => Taken ? -1 : 1;

    /// <summary>What the offer runs in the last solution (MW).</summary>
    public double OutputMw => (Taken ? Mw : 0) + (Column is { } column ? Sign * column.SolutionValue() : 0);

    /// <summary>Whether the solution's price says the assumption is wrong: a taken offer dearer than the price, or one not taken cheaper.</summary>
    public bool Mispriced(double price)
    {
        var tolerance = MispricingTolerance * Math.Max(1, Math.Abs(PricePerMwh));
        return Column is null && (Taken ? PricePerMwh > price + tolerance : PricePerMwh < price - tolerance);
    }

    /// <summary>Below this share of the price (per MWh, at least 1e-7 absolute) a difference is the duals' round-off.</summary>
    private const double MispricingTolerance = 1e-7;
}
