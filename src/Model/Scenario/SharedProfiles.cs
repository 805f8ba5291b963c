using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GridActors.Model.Scenario;

/// <summary>
/// One copy per process of each profile's values. Orleans shares an object within one message, but each message
/// brings its own copies: on a silo other than the driver's, every asset grain's set-up would hold its own copy of the
/// profiles it names (as much memory as the per-asset arrays the series replaced). A series that comes in a message
/// (<see cref="SeriesConverter"/>) takes the copy already held when there is one with the same values, bit for bit.
/// Copies nobody holds any more are collected by the runtime; their entries go when their key is looked up again, or
/// in a sweep every <see cref="SweepEvery"/> look-ups (a long-lived silo sees many scenarios).
/// </summary>
public static class SharedProfiles
{
    private static readonly ConcurrentDictionary<Key, WeakReference<double[]>[]> Held = new();
    private static long lookups;

    private const int SweepEvery = 65_536;

    /// <summary>The held array with the values of <paramref name="values"/>, which becomes the held one if there is none.</summary>
    public static double[]? Intern(double[]? values)
    {
        if (values is null)
        {
            return null;
        }
        if (Interlocked.Increment(ref lookups) % SweepEvery == 0)
        {
            Sweep();
        }
        var key = new Key(values.Length, Hash(values));
        var result = values;
        Held.AddOrUpdate(key, _ => [new WeakReference<double[]>(values)], (_, copies) =>
        {
            var alive = new List<WeakReference<double[]>>(copies.Length + 1);
            double[]? found = null;
            foreach (var copy in copies)
            {
                if (copy.TryGetTarget(out var held))
                {
                    alive.Add(copy);
                    if (found is null && Bits(held).SequenceEqual(Bits(values)))
                    {
                        found = held;
                    }
                }
            }
            if (found is null)
            {
                alive.Add(new WeakReference<double[]>(values));
            }
            result = found ?? values;
            return [.. alive];
        });
        return result;
    }

    /// <summary>Drops the entries whose copies have all been collected.</summary>
    private static void Sweep()
    {
        foreach (var (key, copies) in Held)
        {
            if (!copies.Any(c => c.TryGetTarget(out _)))
            {
                // Only if nobody replaced the entry meanwhile.
                Held.TryRemove(new KeyValuePair<Key, WeakReference<double[]>[]>(key, copies));
            }
        }
    }

    // Bits, not values: 0 and -0 are equal doubles but print differently, and NaN equals nothing.
    private static ReadOnlySpan<byte> Bits(double[] values) => MemoryMarshal.AsBytes(values.AsSpan());

    private static int Hash(double[] values)
    {
        var hash = new HashCode();
        hash.AddBytes(Bits(values));
        return hash.ToHashCode();
    }

    private readonly record struct Key(int Length, int Hash);
}
