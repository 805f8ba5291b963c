using System.Collections.Concurrent;

namespace GridActors.Model.Optimization;

/// <summary>
/// Enumerates a sequence one item ahead on a thread of its own: the rolling optimum solves the next window on one
/// core while the caller writes the last one on another. Items come in their order; an exception of the source
/// comes out where its item would have; a caller that stops early stops the source after the item in hand.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellation = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var items = new BlockingCollection<T>(boundedCapacity: 1);
        Exception? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    items.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                // The caller stopped early: nothing to report.
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                items.CompleteAdding();
            }
        }, CancellationToken.None);
        try
        {
            foreach (var item in items.GetConsumingEnumerable(CancellationToken.None))
            {
                yield return item;
            }
            producer.Wait(CancellationToken.None);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            stop.Cancel();
            // Drain so that a producer blocked on a full buffer sees the stop, then wait for it to leave the source.
            while (items.TryTake(out _))
            {
            }
            producer.Wait(CancellationToken.None);
        }
    }
}
