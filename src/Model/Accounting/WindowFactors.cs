namespace GridActors.Model.Accounting;

/// <summary>
/// A window's emission factors per region and step, in g/kWh (= kg/MWh): the average intensity of the electricity
/// consumed in the region, and the marginal one, with the unit that sets it.
/// </summary>
public sealed record WindowFactors(double[][] AverageGPerKwh, double[][] MarginalGPerKwh, string[][] MarginalUnit);
