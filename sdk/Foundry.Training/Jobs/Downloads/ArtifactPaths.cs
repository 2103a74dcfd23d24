using System;
using System.IO;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// Maps artifact paths the service returns to files under a destination folder, refusing any path that would land
/// outside it (absolute paths, drive letters, <c>..</c> segments): the service's data never chooses where we write.
/// </summary>
internal static class ArtifactPaths
{
    /// <summary>The full local path of <paramref name="artifactPath"/> under <paramref name="root"/> (a full path ending in a separator).</summary>
    /// <exception cref="RequestFailedException">The path is unsafe (error code <c>UnsafeArtifactPath</c>).</exception>
    public static string Resolve(string root, string artifactPath, Response response)
    {
        string normalized = artifactPath.Replace('\\', '/');
        bool unsafePath = string.IsNullOrWhiteSpace(normalized) ||
            normalized.StartsWith("/", StringComparison.Ordinal) ||
            normalized.IndexOf(':') >= 0 ||
            normalized.IndexOf('\0') >= 0 ||
            Array.Exists(normalized.Split('/'), segment => segment == "..");
        string? full = null;
        if (!unsafePath)
        {
            full = Path.GetFullPath(Path.Combine(root, normalized.Replace('/', Path.DirectorySeparatorChar)));
            unsafePath = !full.StartsWith(root, StringComparison.Ordinal) || full.Length == root.Length;
        }

        if (unsafePath)
        {
            throw ServiceFailure.Create(
                response.Status,
                $"The service returned the artifact path '{artifactPath}', which would be written outside the destination folder; nothing was downloaded.",
                "UnsafeArtifactPath",
                reasonPhrase: response.ReasonPhrase);
        }

        return full!;
    }

    /// <summary>The destination folder as a full path ending in a separator.</summary>
    public static string Root(string destinationDirectory)
    {
        string full = Path.GetFullPath(destinationDirectory);
        return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full : full + Path.DirectorySeparatorChar;
    }
}
