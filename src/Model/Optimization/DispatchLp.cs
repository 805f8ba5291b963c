using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Optimization;

/// <summary>
/// A dispatch linear program over a range of steps: one energy balance row per region and step
/// (supply minus demand equals zero), and the system cost in the objective. The terms (market
/// offers, links, storage, shiftable loads) add their variables and inject them into the rows, so
/// the horizon optimum, the window market and an asset's own best response share one formulation.
/// Objective coefficients are in currency: a cost per MWh on a MW variable is multiplied by the step length.
/// </summary>
public sealed class DispatchLp : IDisposable
{
    private readonly LpConstraint[][] balances;
    private readonly double[][] demandMw;
    private readonly double[][] exportMw;

    public DispatchLp(LpSolverKind solver, int regions, int firstStep, int steps, double stepHours, string role = "other")
    {
        Solver = new LpModel(solver, role);
        FirstStep = firstStep;
        Steps = steps;
        StepHours = stepHours;
        balances = new LpConstraint[regions][];
        demandMw = new double[regions][];
        exportMw = new double[regions][];
        for (var r = 0; r < regions; r++)
        {
            balances[r] = new LpConstraint[steps];
            demandMw[r] = new double[steps];
            exportMw[r] = new double[steps];
            for (var k = 0; k < steps; k++)
            {
                balances[r][k] = Solver.MakeConstraint(0, 0, $"balance_r{r}_t{firstStep + k}");
            }
        }
    }

    public LpModel Solver { get; }

    public int FirstStep { get; }

    public int Steps { get; }

    public double StepHours { get; }

    public int Regions => balances.Length;

    /// <summary>A continuous variable with a readable name (it shows in MPS files and reports).</summary>
    public LpVariable Variable(double lower, double upper, string name) => Solver.MakeNumVar(lower, upper, name);

    /// <summary>Adds <paramref name="mw"/> MW of <paramref name="variable"/> as supply (negative: demand) to a region's balance in step k.</summary>
    public void Inject(int region, int k, LpVariable variable, double mw)
    {
        var row = balances[region][k];
        row.SetCoefficient(variable, row.GetCoefficient(variable) + mw);
    }

    /// <summary>Demand that must be met whatever the price.</summary>
    public void AddDemand(int region, int k, double mw)
    {
        demandMw[region][k] += mw;
        SetRightHandSide(region, k);
    }

    /// <summary>What the region sends out in step k (negative: takes in), on top of its demand; replaces the last value.</summary>
    public void SetExport(int region, int k, double mw)
    {
        exportMw[region][k] = mw;
        SetRightHandSide(region, k);
    }

    private void SetRightHandSide(int region, int k)
    {
        var rhs = demandMw[region][k] + exportMw[region][k];
        balances[region][k].SetBounds(rhs, rhs);
    }

    /// <summary>Costs <paramref name="perMwh"/> for every MWh the MW variable runs (price times step length).</summary>
    public void AddEnergyCost(LpVariable variable, double perMwh) => AddCost(variable, perMwh * StepHours);

    /// <summary>Adds a currency amount per unit of the variable to the objective.</summary>
    public void AddCost(LpVariable variable, double perUnit)
    {
        var objective = Solver.Objective();
        objective.SetCoefficient(variable, objective.GetCoefficient(variable) + perUnit);
    }

    /// <summary>The price of a region in step k: the cost of one more MWh of demand there (the balance dual over the step length).</summary>
    public double PricePerMwh(int region, int k) => balances[region][k].DualValue() / StepHours;

    public double[][] Prices()
    {
        var prices = new double[Regions][];
        for (var r = 0; r < Regions; r++)
        {
            prices[r] = new double[Steps];
            for (var k = 0; k < Steps; k++)
            {
                prices[r][k] = PricePerMwh(r, k);
            }
        }
        return prices;
    }

    /// <summary>Solves, hot from the last basis when the solver keeps one (<see cref="LpModel.Solve"/>).</summary>
    public LpStatus Solve(CancellationToken cancellation = default) => Solver.Solve(cancellation);

    public void Dispose() => Solver.Dispose();
}
