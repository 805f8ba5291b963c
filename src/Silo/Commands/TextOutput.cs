using GridActors.Model.Output;

namespace GridActors.Silo.Commands;

/// <summary>Where a command that makes one text (a scenario, a schema) puts it: a file given with --out, else standard output.</summary>
public static class TextOutput
{
    /// <summary>
    /// Why the text cannot go to <paramref name="target"/> (only a regular file or nothing is ever replaced), as the
    /// exit code after the error is printed; null when it can. Checked before the text is made.
    /// </summary>
    public static int? Problem(FileInfo? target) =>
        target is not null && OutputPaths.FileProblem(target.FullName) is { } problem ? ErrorReport.Print($"--out: {problem}") : null;

    /// <summary>Writes the text whole (a file is replaced at once, never left half-written) and returns the exit code 0.</summary>
    public static int Write(FileInfo? target, string text)
    {
        if (target is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            AtomicFile.WriteAllText(target.FullName, text);
        }
        return 0;
    }
}
