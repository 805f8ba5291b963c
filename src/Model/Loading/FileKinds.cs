using System.Runtime.InteropServices;

namespace GridActors.Model.Loading;

/// <summary>What a path names, without following a final link: the kinds a reader or a writer must tell apart.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Folder,
    Link,
    /// <summary>A device, a pipe or a socket: reading one may never end or never start, writing one is not a file.</summary>
    Special,
}

/// <summary>
/// Tells a regular file from a device, pipe or socket, which .NET's FileInfo cannot (it reports them as files of
/// length 0). On Linux it asks statx(2), whose buffer layout is the same on every architecture; elsewhere a file
/// of length 0 counts as special, which refuses an empty regular file too rather than open a pipe.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;

    public static FileKind Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKind.Link;
        }
        if (Directory.Exists(path))
        {
            return FileKind.Folder;
        }
        if (!info.Exists)
        {
            return FileKind.Missing;
        }
        if (OperatingSystem.IsLinux() && ModeOf(path) is { } mode)
        {
            return (mode & TypeMask) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Folder,
                0xA000 => FileKind.Link,
                _ => FileKind.Special,
            };
        }
        return info.Length > 0 ? FileKind.Regular : FileKind.Special;
    }

    /// <summary>What the path leads to once its links are followed (a dangling link leads to nothing).</summary>
    public static FileKind Target(string path) => Of(ScenarioFiles.RealPath(path));

    private static int? ModeOf(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            return Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) == 0
                ? BitConverter.ToUInt16(buffer[ModeOffset..])
                : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);
}
