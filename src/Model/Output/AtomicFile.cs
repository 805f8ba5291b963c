using System.Text;

namespace GridActors.Model.Output;

/// <summary>
/// Writes a file through a temporary beside it, so a reader never sees half a file. Only a regular file (or
/// nothing) is replaced (<see cref="OutputPaths.ReplaceProblem"/>), and a failed write leaves no temporary behind.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        if (OutputPaths.ReplaceProblem(path) is { } problem)
        {
            throw new IOException(problem);
        }
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
