namespace GridActors.Testing;

/// <summary>Finds files of the repository (scenarios, schema) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GridActors.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, relative);
            }
        }
        throw new FileNotFoundException("GridActors.sln not found above the test folder");
    }
}
