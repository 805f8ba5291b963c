using Google.OrTools.LinearSolver;

namespace GridActors.Model.LinearProgramming;

/// <summary>The linear-programming solvers OR-Tools offers that GridActors supports.</summary>
public enum LpSolverKind
{
    Highs,
    Glop,
    Pdlp,
    Clp,
}

public static class LpSolvers
{
    public static IReadOnlyList<string> Names { get; } = ["highs", "glop", "clp", "pdlp"];

    public static bool TryParse(string name, out LpSolverKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    /// <summary>Parses a solver name the command line has already checked against <see cref="Names"/>.</summary>
    public static LpSolverKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown solver '{name}'; choose one of {string.Join(", ", Names)}", nameof(name));

    public static string Name(LpSolverKind kind) => kind.ToString().ToLowerInvariant();

    public static Solver Create(LpSolverKind kind)
    {
        var id = kind switch
        {
            LpSolverKind.Highs => "HIGHS_LP",
            LpSolverKind.Glop => "GLOP",
            LpSolverKind.Pdlp => "PDLP",
            LpSolverKind.Clp => "CLP",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var solver = Solver.CreateSolver(id) ?? throw new InvalidOperationException($"the {Name(kind)} solver is not available in this OR-Tools build");
        solver.SuppressOutput();
        if (kind == LpSolverKind.Glop)
        {
            // GLOP's final check holds reduced costs to 1e-6 in currency units; with costs of up to
            // 1e5 per MWh-step (the value of lost load) that is a relative 1e-11 and sound solutions
            // come back ABNORMAL. Its pivoting tolerances stay as they are. Dual simplex solves these
            // models from scratch in about half the iterations.
            solver.SetSolverSpecificParametersAsString("solution_feasibility_tolerance: 1e-3, use_dual_simplex: true");
        }
        else if (kind == LpSolverKind.Highs)
        {
            // SuppressOutput alone leaves HiGHS's start-up banner on standard output; its own option silences it.
            solver.SetSolverSpecificParametersAsString("output_flag false");
        }
        return solver;
    }
}
