using GridActors.Model.Optimization;

namespace GridActors.Model.Tests;

/// <summary>The rolling optimum's read-ahead: the same items in the same order, the source's failure where it happened, an early stop that stops the source.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void ItemsComeInTheirOrder() => Assert.Equal(Enumerable.Range(0, 1000), ReadAhead.Of(Enumerable.Range(0, 1000)));

    [Fact]
    public void TheSourcesFailureComesOutAfterTheItemsBeforeIt()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidOperationException("window 3 has no optimum");
        }
        var seen = new List<int>();
        var failure = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing()))
            {
                seen.Add(item);
            }
        });
        Assert.Equal("window 3 has no optimum", failure.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void ACallerThatStopsEarlyStopsTheSource()
    {
        var produced = 0;
        IEnumerable<int> Counting()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }
        Assert.Equal([0, 1, 2], ReadAhead.Of(Counting()).Take(3));
        var after = Volatile.Read(ref produced);
        Thread.Sleep(100);
        Assert.Equal(after, Volatile.Read(ref produced));
        Assert.True(after <= 5, $"the source went on to {after} items");
    }
}
