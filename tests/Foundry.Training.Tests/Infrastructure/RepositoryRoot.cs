namespace Foundry.Training.Tests.Infrastructure;

/// <summary>The repository's top folder (the one holding Foundry.Training.sln), found from the test binaries' folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Foundry.Training.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Foundry.Training.sln not found above " + AppContext.BaseDirectory);
    }
}
