using GridActors.Model.LinearProgramming;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridActors.Grains.Tests;

/// <summary>A market the solver fails on is told to the user in the command that ran it, also from a grain on another silo.</summary>
public sealed class SolverFailureTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void ASolverFailureCrossesSilosWithItsMessage()
    {
        var thrown = new SolverFailedException("the coordinator's market of 48 steps from step 24 could not be solved (HiGHS ended with status unknown after 22,269 iterations)");
        var received = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(thrown));
        var failure = Assert.IsType<SolverFailedException>(received);
        Assert.Equal(thrown.Message, failure.Message);
    }
}
