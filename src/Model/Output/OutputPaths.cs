using GridActors.Model.Loading;

namespace GridActors.Model.Output;

/// <summary>
/// The checks every output path passes before any work starts, so that a run is never lost at its end and nothing
/// but a regular file, or an empty folder, is ever replaced: not a device (as root, a rename over /dev/full turns it
/// into a file), not a link, not a folder where a file was meant. Each answer is one sentence naming the path.
/// </summary>
public static class OutputPaths
{
    /// <summary>Why a file may not be written at <paramref name="path"/>, or null: nothing is there or a regular file, in a folder that can be written.</summary>
    public static string? FileProblem(string path) =>
        ReplaceProblem(path) ?? WritableFolder(Path.GetDirectoryName(Path.GetFullPath(path))!, mayCreate: false);

    /// <summary>
    /// Why what is at <paramref name="path"/> may not be replaced by a file, or null: nothing is there or a regular file.
    /// <see cref="AtomicFile"/> asks only this; whether the folder takes a file, the write itself tells.
    /// </summary>
    public static string? ReplaceProblem(string path) =>
        Unusable(path) ?? FileKinds.Of(Path.GetFullPath(path)) switch
        {
            FileKind.Link => $"{path} is a link; give the file itself, only a regular file is ever replaced",
            FileKind.Folder => $"{path} is a folder; give a file name",
            FileKind.Special => $"{path} is not a regular file (a device, pipe or socket); only a regular file is ever replaced",
            _ => null,
        };

    /// <summary>Why a result folder may not be written at <paramref name="directory"/>, or null: absent or empty, under a folder that can be written.</summary>
    public static string? FolderProblem(string directory)
    {
        if (Unusable(directory) is { } unusable)
        {
            return unusable;
        }
        var full = Path.GetFullPath(directory);
        return FileKinds.Of(full) switch
        {
            FileKind.Link => $"output folder {directory} is a link; give the folder itself",
            FileKind.Regular => $"output folder {directory} is a file, not a folder; choose another --out",
            FileKind.Special => $"output folder {directory} is a device, pipe or socket, not a folder; choose another --out",
            FileKind.Folder when Directory.EnumerateFileSystemEntries(full).Any() => $"output folder {directory} already exists and is not empty; choose another --out",
            FileKind.Folder => WritableFolder(full, mayCreate: false),
            _ => WritableFolder(Path.GetDirectoryName(full)!, mayCreate: true),
        };
    }

    private static string? Unusable(string path) =>
        path.Length == 0 ? "the output path is empty"
        : path.Contains('\0', StringComparison.Ordinal) ? "the output path contains a NUL character"
        : null;

    /// <summary>
    /// Whether files can be made in <paramref name="folder"/> (or, when <paramref name="mayCreate"/>, in the nearest
    /// folder above it that exists, where the missing ones will be made), found by making one: permissions, read-only
    /// file systems and a root user are all answered by the system itself.
    /// </summary>
    private static string? WritableFolder(string folder, bool mayCreate)
    {
        var existing = folder;
        var kind = FileKinds.Target(existing);
        while (mayCreate && kind == FileKind.Missing && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
            kind = FileKinds.Target(existing);
        }
        if (kind != FileKind.Folder)
        {
            return kind == FileKind.Missing ? $"the folder {folder} does not exist" : $"{existing} is not a folder";
        }
        var probe = Path.Combine(existing, $".gridactors-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write into the folder {existing}: {ErrorText.FirstLine(e.Message)}";
        }
    }
}
