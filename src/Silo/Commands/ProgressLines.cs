using System.Diagnostics;
using System.Globalization;

namespace GridActors.Silo.Commands;

/// <summary>
/// Progress for output with no terminal: one whole line at most every <c>interval</c> (and always the last), so a
/// log shows steady progress to 100 % instead of a bar's redraws cut off mid-way.
/// </summary>
public sealed class ProgressLines(string title, int totalSteps, TimeSpan interval)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan? lastLine;
    private int done;

    public void Advance(int steps)
    {
        done += steps;
        if (lastLine is not { } last || watch.Elapsed - last >= interval || done >= totalSteps)
        {
            Write();
        }
    }

    public void Finish()
    {
        if (lastLine is null || done < totalSteps)
        {
            Write();
        }
    }

    private void Write()
    {
        lastLine = watch.Elapsed;
        var percent = totalSteps == 0 ? 100 : 100.0 * done / totalSteps;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: step {done:N0} of {totalSteps:N0} ({percent:F0} %), {watch.Elapsed.TotalSeconds:F1} s"));
    }
}
