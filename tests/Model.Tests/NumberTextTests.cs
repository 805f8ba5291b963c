using GridActors.Model.Output;

namespace GridActors.Model.Tests;

/// <summary>Result files write numbers through a fast path that must give exactly the text of the custom format.</summary>
public sealed class NumberTextTests
{
    [Fact]
    public void TheFastTextIsTheFormattedTextForEveryMagnitude()
    {
        var random = new Random(7);
        var fast = 0;
        var values = Enumerable.Range(0, 200_000).Select(_ =>
        {
            var magnitude = Math.Pow(10, random.Next(-9, 13));
            var value = (random.NextDouble() - 0.5) * magnitude;
            // Some on the 1e-6 grid, some halfway between, some whole: the rounding's edges.
            return random.Next(4) switch
            {
                0 => Math.Round(value, 6),
                1 => Math.Round(value, 6) + 5e-7,
                2 => Math.Round(value),
                _ => value,
            };
        }).Concat([0, -0.0, 1e-4, 9.9999995e-5, 1e9 - 1e-6, 1e9, -1e9, 0.1, 0.3, 123456789.123456, double.Epsilon]);
        Span<char> buffer = stackalloc char[32];
        foreach (var value in values)
        {
            if (Numbers.TryWrite(value, buffer, out var written))
            {
                fast++;
                Assert.Equal(Numbers.Format(value), new string(buffer[..written]));
            }
        }
        Assert.True(fast > 100_000, $"only {fast} values took the fast path");
    }
}
