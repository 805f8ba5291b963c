using GridActors.Model.LinearProgramming;
using GridActors.Silo.Commands;

namespace GridActors.Silo.Tests;

/// <summary>A market the solver fails on reaches the user as a sentence and exit code 1, not a stack trace.</summary>
public sealed class SolverFailureTests
{
    [Fact]
    public void ASolverFailureIsFoundInsideTheExceptionsThatAwaitedIt()
    {
        var failure = new SolverFailedException("the market could not be solved");
        Assert.Same(failure, ErrorReport.SolverFailure(failure));
        Assert.Same(failure, ErrorReport.SolverFailure(new AggregateException(failure)));
        Assert.Same(failure, ErrorReport.SolverFailure(new InvalidOperationException("a window failed", new AggregateException(failure))));
        Assert.Null(ErrorReport.SolverFailure(new InvalidOperationException("something else")));
    }

    [Fact]
    public void ASolverFailureSaysWhatFailedThatTheScenarioIsNotAtFaultAndWhatElseToRun()
    {
        Assert.Equal(1, ErrorReport.InternalFailure);
        var text = ErrorReport.SolverFailedText(new SolverFailedException("the coordinator's market of 48 steps from step 24 could not be solved (HiGHS reached its iteration limit)"));
        Assert.StartsWith("error: the coordinator's market of 48 steps from step 24 could not be solved (HiGHS reached its iteration limit).", text);
        Assert.Contains("not a mistake in the scenario", text);
        Assert.Contains("nothing was written", text);
        Assert.Contains("run --clearing central", text);
        Assert.DoesNotContain(" at ", text);
    }
}
