using System.Diagnostics;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Testing;
using Xunit.Abstractions;

namespace GridActors.Model.Tests;

/// <summary>
/// Thousands of broken variants of the reference scenarios, from a fixed seed: each one loads or gets located
/// errors, and never an exception; the small ones that load also solve (or are explained as infeasible).
/// </summary>
public sealed class ScenarioFuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases per run: the small bases share the first number, the 14-province week (a 900 kB CSV behind it) gets the second.</summary>
    private const int Cases = 3000;
    private const int WeekCases = 300;
    private const string Source = "fuzz.yaml";

    private static readonly string ScenariosFolder = RepositoryRoot.Path("scenarios");

    private static readonly string[] SmallBases =
    [
        TempScenario.Minimal,
        .. new[] { "two-region-toy", "storage-heavy", "china-east-data-west-compute" }.Select(Reference),
    ];

    private static string Reference(string name) => File.ReadAllText(Path.Combine(ScenariosFolder, name + ".yaml"));

    [Fact]
    public void EveryMutantOfTheSmallScenariosLoadsOrGetsLocatedErrors() => Fuzz(SmallBases, Cases);

    [Fact]
    public void EveryMutantOfTheProvincesWeekLoadsOrGetsLocatedErrors() => Fuzz([Reference("china-provinces-week")], WeekCases);

    /// <summary>The property: located errors and no exception; a small valid mutant also solves. True when it loaded.</summary>
    private static bool Check(string text)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(text, Source, ScenariosFolder);
        if (scenario is null)
        {
            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                Assert.True(error.Location.Line >= 1 && error.Location.Column >= 1, $"unlocated: {error}");
                Assert.False(string.IsNullOrWhiteSpace(error.Location.File), $"no file: {error}");
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"no message: {error}");
                Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
            }
            return false;
        }
        if ((long)scenario.Assets.Length * scenario.Steps <= 400)
        {
            try
            {
                HorizonOptimizer.Solve(scenario, LpSolverKind.Glop);
            }
            catch (DispatchInfeasibleException infeasible)
            {
                Assert.NotEmpty(infeasible.Reasons);
            }
        }
        return true;
    }

    private void Fuzz(string[] bases, int cases)
    {
        var watch = Stopwatch.StartNew();
        var loaded = 0;
        foreach (var (seed, mutant) in ScenarioMutations.Cases(bases.Length, cases))
        {
            var text = ScenarioMutations.Apply(bases[mutant.Base], mutant);
            try
            {
                if (Check(text))
                {
                    loaded++;
                }
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"mutant with CsCheck seed {seed} failed: {e.Message}\n--- its text ---\n{text}");
            }
        }
        output.WriteLine($"{cases} mutants in {watch.Elapsed.TotalSeconds:F1} s, {loaded} of them valid");
    }
}
