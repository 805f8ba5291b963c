using GridActors.Api.Runs;

namespace GridActors.Api.Tests;

/// <summary>A run's feed keeps a bounded amount of events, and readers still get consecutive sequence numbers.</summary>
public sealed class RunFeedTests
{
    [Fact]
    public async Task TheOldestEventsGoBeyondTheBoundAndReadersGetTheKeptTail()
    {
        var json = new string('x', 500);
        var feed = new RunFeed(maxBytes: 10_000);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(feed.Append("window", json));
        }
        Assert.True(feed.End("end", new string('e', 20_000)));
        Assert.Equal(101, feed.Count);
        // The end event alone is over the bound: it stays, everything older went.
        Assert.Equal(40_000, feed.KeptBytes);
        var fromStart = await feed.ReadAsync(0, CancellationToken.None);
        Assert.Equal(101, Assert.Single(fromStart).Sequence);
        Assert.Empty(await feed.ReadAsync(101, CancellationToken.None));
    }

    [Fact]
    public async Task AReaderFromAKeptPositionContinuesThere()
    {
        var feed = new RunFeed(maxBytes: 10_000);
        for (var i = 0; i < 100; i++)
        {
            feed.Append("window", new string('x', 500));
        }
        // 10,000 bytes hold ten events of 1,000: sequences 91 to 100.
        Assert.Equal(10_000, feed.KeptBytes);
        Assert.Equal(Enumerable.Range(91, 10), (await feed.ReadAsync(0, CancellationToken.None)).Select(e => (int)e.Sequence));
        Assert.Equal(Enumerable.Range(96, 5), (await feed.ReadAsync(95, CancellationToken.None)).Select(e => (int)e.Sequence));
    }
}
