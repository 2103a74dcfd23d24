namespace Foundry.Training.Cli.Hosting;

/// <summary>Files named on the command line.</summary>
internal static class LocalFile
{
    /// <summary>The full path of an existing file; a usage error (exit code 2) otherwise.</summary>
    public static string Require(string path, string what = "File")
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{what} '{path}' is a folder, not a file.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"{what} '{path}' does not exist.");
        }

        return full;
    }
}
