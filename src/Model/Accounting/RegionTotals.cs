using GridActors.Model.Scenario;

namespace GridActors.Model.Accounting;

/// <summary>A region's totals over the run.</summary>
public sealed class RegionTotals(int carriers)
{
    private double[] generationByCarrierMwh = new double[carriers];

    /// <summary>Generation by carrier, in the order of <see cref="ResolvedScenario.Carriers"/>.</summary>
    public IReadOnlyList<double> GenerationByCarrierMwh => generationByCarrierMwh;

    public double LoadMwh { get; private set; }
    public double GenerationMwh { get; private set; }
    public double ImportMwh { get; private set; }
    public double ExportMwh { get; private set; }
    public double UnservedMwh { get; private set; }
    public double SpilledMwh { get; private set; }
    public double CurtailedMwh { get; private set; }
    public double ShedMwh { get; private set; }
    public double EmissionsT { get; private set; }
    public double PriceSum { get; private set; }
    public double LoadWeightedPriceSum { get; private set; }
    public int Steps { get; private set; }

    public double MeanPricePerMwh => Steps == 0 ? 0 : PriceSum / Steps;

    public double LoadWeightedPricePerMwh => LoadMwh == 0 ? MeanPricePerMwh : LoadWeightedPriceSum / LoadMwh;

    /// <summary>Load served in the region (load minus unserved energy).</summary>
    public double ServedMwh { get; private set; }

    /// <summary>The served load at the region's average (flow-traced) emission factor in each step: the carbon of what it consumed.</summary>
    public double ConsumptionEmissionsT { get; private set; }

    /// <summary>The served load at the region's marginal emission factor in each step.</summary>
    public double MarginalEmissionsT { get; private set; }

    /// <summary>Renewable generation (<see cref="AssetLedger.IsRenewable"/>).</summary>
    public double RenewableMwh { get; private set; }

    /// <summary>What the region's wind, solar and run-of-river could have produced.</summary>
    public double RenewableAvailableMwh { get; private set; }

    public double RenewableSharePercent => GenerationMwh > 0 ? 100 * RenewableMwh / GenerationMwh : 0;

    public double CurtailmentPercent => RenewableAvailableMwh > 0 ? 100 * CurtailedMwh / RenewableAvailableMwh : 0;

    /// <summary>The renewable totals so far, which the run's summary sums with its other ledger totals (<see cref="LedgerAggregation"/>).</summary>
    internal void SetRenewable(double producedMwh, double availableMwh)
    {
        RenewableMwh = producedMwh;
        RenewableAvailableMwh = availableMwh;
    }

    public double AverageFactorGPerKwh => ServedMwh > 0 ? ConsumptionEmissionsT / ServedMwh * 1000 : 0;

    public double MarginalFactorGPerKwh => ServedMwh > 0 ? MarginalEmissionsT / ServedMwh * 1000 : 0;

    /// <summary>Adds one step of <paramref name="dt"/> hours.</summary>
    public void Add(RegionStepFigures figures, double dt)
    {
        var row = figures.Row;
        var averageGPerKwh = figures.AverageFactorGPerKwh;
        var marginalGPerKwh = figures.MarginalFactorGPerKwh;
        var served = (row.LoadMw - row.UnservedMw) * dt;
        ServedMwh += served;
        ConsumptionEmissionsT += served * averageGPerKwh / 1000;
        MarginalEmissionsT += served * marginalGPerKwh / 1000;
        LoadMwh += row.LoadMw * dt;
        GenerationMwh += row.GenerationMw * dt;
        for (var c = 0; c < generationByCarrierMwh.Length; c++)
        {
            generationByCarrierMwh[c] += row.GenerationByCarrierMw[c] * dt;
        }
        ImportMwh += row.ImportMw * dt;
        ExportMwh += row.ExportMw * dt;
        UnservedMwh += row.UnservedMw * dt;
        SpilledMwh += row.SpilledMw * dt;
        CurtailedMwh += row.CurtailedMw * dt;
        ShedMwh += row.ShedMw * dt;
        EmissionsT += row.EmissionsT;
        PriceSum += row.PricePerMwh;
        LoadWeightedPriceSum += row.PricePerMwh * row.LoadMw * dt;
        Steps++;
    }

    /// <summary>A copy that later windows leave alone: what live clients read while the run goes on.</summary>
    public RegionTotals Copy()
    {
        var copy = (RegionTotals)MemberwiseClone();
        copy.generationByCarrierMwh = [.. generationByCarrierMwh];
        return copy;
    }
}
