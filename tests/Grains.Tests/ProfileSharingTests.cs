using GridActors.Model.Scenario;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridActors.Grains.Tests;

/// <summary>
/// A scenario's profiles cross silos in many messages (each asset grain's set-up); each message brings its own copy,
/// and the receiving silo keeps one copy per profile, not one per asset.
/// </summary>
public sealed class ProfileSharingTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void SeriesFromSeparateMessagesShareOneCopyOfTheirProfileAndKeepTheirValues()
    {
        var profile = Enumerable.Range(0, 8760).Select(k => 0.5 + 0.5 * Math.Sin(k / 24.0)).ToArray();
        var peaks = new[] { 120.0, 340.0, 75.5 };
        // Each set-up in its own message, as the region grain sends them to its asset grains.
        var received = peaks.Select(p => RoundTrip(Load(profile, p))).ToArray();
        foreach (var (load, peak) in received.Zip(peaks))
        {
            Assert.NotSame(profile, load.DemandMw.Shape);
            Assert.Same(received[0].DemandMw.Shape, load.DemandMw.Shape);
            Assert.Equal(profile.Select(v => v * peak).ToArray(), load.DemandMw.Slice(0, 8760));
        }
        // A profile with other values is not mistaken for it, even of the same length.
        var other = (double[])profile.Clone();
        other[4000] += 1e-9;
        var otherLoad = RoundTrip(Load(other, 1));
        Assert.NotSame(received[0].DemandMw.Shape, otherLoad.DemandMw.Shape);
        Assert.Equal(other, otherLoad.DemandMw.Shape);
        // Equal as numbers is not enough: 0 and -0 print differently, so they are different profiles.
        var positive = RoundTrip(Load([0.0, 1.0], 1));
        var negative = RoundTrip(Load([-0.0, 1.0], 1));
        Assert.NotSame(positive.DemandMw.Shape, negative.DemandMw.Shape);
        Assert.True(double.IsNegative(negative.DemandMw[0]));
        // A constant series carries no profile.
        var constant = RoundTrip(Series.Constant(0.9, 24));
        Assert.Null(constant.Shape);
        Assert.Equal(Enumerable.Repeat(0.9, 24), constant);
    }

    private static T RoundTrip<T>(T value) where T : class =>
        Serializer.Deserialize<T>(Serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("nothing came back");

    private static LoadSpec Load(double[] profile, double peak) =>
        new(0, "town", 0, null, "other", Series.Scaled(profile, peak), 0, 0, 0, 0);
}
