using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// Maps artifact paths the service returns to files under a destination folder, refusing any path that would land
/// outside it: absolute paths, drive letters, <c>..</c> segments, and links (symbolic links, junctions) among the
/// folders on the way that lead outside it. The service's data never chooses where we write.
/// </summary>
internal static class ArtifactPaths
{
    /// <summary>The longest file or folder name most file systems take (Linux and macOS count UTF-8 bytes, Windows UTF-16 units).</summary>
    private const int MaxNameBytes = 255;

    /// <summary>Links followed on the way to one file before it counts as a loop (Linux's <c>MAXSYMLINKS</c>).</summary>
    private const int MaxLinkHops = 40;

    private static readonly char Separator = Path.DirectorySeparatorChar;

    /// <summary>
    /// Compares local paths as the file system compares file names: without case on Windows and macOS, where
    /// <c>Model.bin</c> and <c>model.bin</c> are one file (and a file <c>A</c> is in the way of a folder <c>a</c>).
    /// </summary>
    public static StringComparer LocalPathComparer { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;

    /// <summary>The destination folder as a full path ending in a separator.</summary>
    public static string Root(string destinationDirectory)
    {
        string full = Path.GetFullPath(destinationDirectory);
        return full.EndsWith(Separator.ToString(), StringComparison.Ordinal) ? full : full + Separator;
    }

    /// <summary>
    /// The full local path of <paramref name="artifactPath"/> under <paramref name="root"/> (a full path ending in a
    /// separator), with the links among the existing folders on the way followed.
    /// </summary>
    /// <exception cref="RequestFailedException">
    /// The path would land outside the folder (error code <c>UnsafeArtifactPath</c>), has a name no file system takes
    /// (<c>InvalidArtifactPath</c>), or the folders on the way cannot be read (<c>ArtifactWriteFailed</c>).
    /// </exception>
    public static string Resolve(string root, string artifactPath, Response response)
    {
        string normalized = artifactPath.Replace('\\', '/');
        bool unsafePath = string.IsNullOrWhiteSpace(normalized) ||
            normalized.StartsWith("/", StringComparison.Ordinal) ||
            normalized.IndexOf(':') >= 0 ||
            normalized.IndexOf('\0') >= 0 ||
            Array.Exists(normalized.Split('/'), segment => segment == "..");
        string? tooLong = Array.Find(normalized.Split('/'), segment => Encoding.UTF8.GetByteCount(segment) > MaxNameBytes);
        if (tooLong is not null)
        {
            throw Invalid(response, artifactPath, $"whose name '{tooLong}' is longer than the {MaxNameBytes} bytes a file system takes", null);
        }

        string? full = null;
        if (!unsafePath)
        {
            try
            {
                full = Path.GetFullPath(Path.Combine(root, normalized.Replace('/', Separator)));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // .NET Framework refuses characters such as '<' or '|' here; .NET leaves them to the file system.
                throw Invalid(response, artifactPath, "which is not a valid local path", ex);
            }

            unsafePath = !full.StartsWith(root, StringComparison.Ordinal) || full.Length == root.Length;
        }

        if (unsafePath)
        {
            throw Unsafe(response, artifactPath, "would be written outside the destination folder");
        }

        string? real;
        try
        {
            real = FollowLinks(root, full!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw ServiceFailure.Create(0, $"The folders on the way to artifact '{artifactPath}' could not be checked: {ex.Message}", "ArtifactWriteFailed", ex);
        }

        return real ?? throw Unsafe(response, artifactPath, "would be written through a link that leads outside the destination folder");
    }

    /// <summary>A name for a temporary file next to <paramref name="localPath"/> that no artifact can have chosen: create it with <see cref="FileMode.CreateNew"/>, which never follows a link.</summary>
    public static string TemporaryPath(string localPath) =>
        Path.Combine(Path.GetDirectoryName(localPath)!, ".foundry-" + Guid.NewGuid().ToString("N") + ".partial");

    /// <summary>Puts a complete temporary file in place of <paramref name="localPath"/>, replacing a file (or a link) already there, never writing through it.</summary>
    public static void Replace(string temporaryPath, string localPath)
    {
#if NET8_0_OR_GREATER
        File.Move(temporaryPath, localPath, overwrite: true);
#else
        if (File.Exists(localPath))
        {
            File.Delete(localPath);
        }

        File.Move(temporaryPath, localPath);
#endif
    }

    /// <summary>
    /// Walks the folders from <paramref name="root"/> to <paramref name="fullPath"/>'s, following each link found: the
    /// path where the file really lands, or null when a link leads outside <paramref name="root"/> (or links loop).
    /// The destination folder itself is the caller's choice and is not checked. On netstandard2.0, which cannot read a
    /// link's target, any link on the way is refused.
    /// </summary>
    private static string? FollowLinks(string root, string fullPath)
    {
        string top = root.Substring(0, root.Length - 1);
        List<string> pending = Segments(fullPath.Substring(root.Length));
        string fileName = pending[pending.Count - 1];
        pending.RemoveAt(pending.Count - 1);
        string current = top;
#if NET8_0_OR_GREATER
        int hops = 0;
#endif
        for (int i = 0; i < pending.Count; i++)
        {
            string next = current + Separator + pending[i];
#if NET8_0_OR_GREATER
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            string resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : current + Separator + target);
            if (++hops > MaxLinkHops || !(resolved + Separator).StartsWith(root, StringComparison.Ordinal))
            {
                return null;
            }

            // Start again from the destination folder along the link's target, then the rest of the way.
            List<string> rest = Segments(resolved.Length > top.Length ? resolved.Substring(root.Length) : string.Empty);
            rest.AddRange(pending.GetRange(i + 1, pending.Count - i - 1));
            pending = rest;
            current = top;
            i = -1;
#else
            FileAttributes attributes = new FileInfo(next).Attributes;
            if ((int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0)
            {
                return null;
            }

            current = next;
#endif
        }

        return current + Separator + fileName;
    }

    private static List<string> Segments(string relativePath) =>
        new(relativePath.Split(new[] { Separator }, StringSplitOptions.RemoveEmptyEntries));

    private static RequestFailedException Invalid(Response response, string artifactPath, string problem, Exception? inner) =>
        ServiceFailure.Create(
            response,
            $"The service returned the artifact path '{artifactPath}', {problem}; nothing was downloaded.",
            "InvalidArtifactPath",
            inner);

    private static RequestFailedException Unsafe(Response response, string artifactPath, string problem) =>
        ServiceFailure.Create(
            response,
            $"The service returned the artifact path '{artifactPath}', which {problem}; nothing was downloaded.",
            "UnsafeArtifactPath",
            null);
}
