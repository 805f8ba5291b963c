using System.Text;

namespace GridActors.Model.Loading;

/// <summary>
/// The only way the loader reads a file a scenario names: regular files with content, within a size limit, with
/// links resolved first, so a device, a pipe or a link out of a confined folder is refused before it is opened.
/// </summary>
public static class ScenarioFiles
{
    /// <summary>
    /// The path with every link resolved, in its directories too (what realpath(3) gives); a path that does not
    /// exist resolves as far as it does.
    /// </summary>
    public static string RealPath(string path)
    {
        var current = Path.GetFullPath(path);
        for (var hops = 0; hops < 64; hops++)
        {
            var parent = Path.GetDirectoryName(current);
            if (parent is null)
            {
                return current;
            }
            var resolved = Path.Combine(RealPath(parent), Path.GetFileName(current));
            var target = new FileInfo(resolved).LinkTarget;
            if (target is null)
            {
                return resolved;
            }
            current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(resolved)!, target));
        }
        throw new IOException($"too many levels of links in {path}");
    }

    /// <summary>
    /// Why <paramref name="fullPath"/> may not be read, or null: it must lead (links followed) to a regular file with
    /// content and at most <paramref name="maxBytes"/>. Nothing is opened, so a pipe cannot hang and a device cannot
    /// stream forever.
    /// </summary>
    public static string? Problem(string fullPath, long maxBytes)
    {
        var display = YamlSourceTree.DisplayPath(fullPath);
        try
        {
            var real = RealPath(fullPath);
            var info = new FileInfo(real);
            return FileKinds.Of(real) switch
            {
                FileKind.Folder => $"{display} is a folder, not a file",
                FileKind.Missing or FileKind.Link => $"file not found: {display}",
                FileKind.Special => $"{display} is empty or not a regular file",
                _ when info.Length == 0 => $"{display} is empty or not a regular file",
                _ when info.Length > maxBytes => $"{display} is {info.Length:N0} bytes, more than the {maxBytes:N0} a scenario file may have",
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"cannot read {display}: {ErrorText.FirstLine(e.Message)}";
        }
    }

    /// <summary>The file's text, or why it may not be read (<see cref="Problem"/>).</summary>
    public static (string? Text, string? Problem) ReadText(string fullPath, long maxBytes)
    {
        if (Problem(fullPath, maxBytes) is { } problem)
        {
            return (null, problem);
        }
        var display = YamlSourceTree.DisplayPath(fullPath);
        try
        {
            var real = RealPath(fullPath);
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = stream.Length;
            var buffer = new byte[length + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }
            if (total > length)
            {
                return (null, $"{display} grew while it was read");
            }
            return (Encoding.UTF8.GetString(buffer, 0, total).TrimStart('\uFEFF'), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {display}: {ErrorText.FirstLine(e.Message)}");
        }
    }
}
