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

    /// <summary>The file's text, or why it may not be read: missing, not a regular file, empty, or over <paramref name="maxBytes"/>.</summary>
    public static (string? Text, string? Problem) ReadText(string fullPath, long maxBytes)
    {
        var display = YamlSourceTree.DisplayPath(fullPath);
        try
        {
            var real = RealPath(fullPath);
            var info = new FileInfo(real);
            if (Directory.Exists(real))
            {
                return (null, $"{display} is a folder, not a file");
            }
            if (!info.Exists)
            {
                return (null, $"file not found: {display}");
            }
            // Devices and pipes report no length; reading them would never end (/dev/zero) or wait forever (a pipe).
            if (info.Length == 0)
            {
                return (null, $"{display} is empty or not a regular file");
            }
            if (info.Length > maxBytes)
            {
                return (null, $"{display} is {info.Length:N0} bytes, more than the {maxBytes:N0} a scenario file may have");
            }
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[info.Length + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }
            if (total > info.Length)
            {
                return (null, $"{display} grew while it was read");
            }
            return (Encoding.UTF8.GetString(buffer, 0, total).TrimStart('\uFEFF'), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {display}: {e.Message}");
        }
    }
}
