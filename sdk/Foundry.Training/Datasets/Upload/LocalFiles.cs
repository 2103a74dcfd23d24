using System;
using System.Collections.Generic;
using System.IO;

namespace Foundry.Training.Datasets;

/// <summary>The files an upload sends: each with its path below the upload's root (<c>/</c>-separated) and length, in ordinal order of that path.</summary>
internal sealed class LocalFiles
{
    private LocalFiles(string kind, List<LocalFile> files)
    {
        Kind = kind;
        Files = files;
        foreach (LocalFile file in files)
        {
            TotalBytes += file.Length;
        }
    }

    /// <summary><c>file</c> or <c>folder</c>: part of the content hash, so a folder of one file and that file differ.</summary>
    public string Kind { get; }

    public IReadOnlyList<LocalFile> Files { get; }

    public long TotalBytes { get; }

    /// <summary>One file, named by its file name.</summary>
    /// <exception cref="ArgumentException">The file does not exist, or its name holds a backslash or a control character.</exception>
    public static LocalFiles ForFile(string path, string parameterName)
    {
        Argument.AssertNotNullOrEmpty(path, parameterName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"The file '{path}' does not exist.", parameterName);
        }

        AssertBlobName(info.Name, parameterName);
        return new LocalFiles("file", new List<LocalFile> { new(info.FullName, info.Name, info.Length, info.LastWriteTimeUtc) });
    }

    /// <summary>
    /// The files below a folder that <paramref name="filter"/> accepts (given the relative path). Links (symbolic links,
    /// junctions) are skipped, files and folders alike: an upload never reads outside its folder.
    /// </summary>
    /// <exception cref="ArgumentException">The folder does not exist or holds no file to upload, or the path of a file to upload holds a backslash or a control character.</exception>
    public static LocalFiles ForFolder(string directory, Func<string, bool>? filter, string parameterName)
    {
        Argument.AssertNotNullOrEmpty(directory, parameterName);
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            throw new ArgumentException($"The folder '{directory}' does not exist.", parameterName);
        }

        var files = new List<LocalFile>();
        var pending = new Stack<(DirectoryInfo Folder, string Prefix)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            (DirectoryInfo folder, string prefix) = pending.Pop();
            foreach (FileSystemInfo entry in folder.EnumerateFileSystemInfos())
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                string relative = prefix + entry.Name;
                if (entry is DirectoryInfo sub)
                {
                    pending.Push((sub, relative + "/"));
                }
                else if (entry is FileInfo file && (filter is null || filter(relative)))
                {
                    AssertBlobName(relative, parameterName);
                    files.Add(new LocalFile(file.FullName, relative, file.Length, file.LastWriteTimeUtc));
                }
            }
        }

        if (files.Count == 0)
        {
            throw new ArgumentException($"The folder '{directory}' holds no file to upload.", parameterName);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new LocalFiles("folder", files);
    }

    /// <summary>
    /// Refuses, before anything is sent, a path (possible on Unix) that blob storage would not keep as it is: a backslash,
    /// which storage's front end may read as a separator (so <c>..\..\x</c> could land outside the upload's prefix), or a
    /// control character, which blob names cannot hold.
    /// </summary>
    private static void AssertBlobName(string relativePath, string parameterName)
    {
        foreach (char c in relativePath)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The file '{new string(Array.ConvertAll(relativePath.ToCharArray(), ch => char.IsControl(ch) ? '?' : ch))}' cannot be uploaded: its path holds a backslash or a control character, which blob storage does not keep as it is. Rename it, or leave it out with a filter.",
                    parameterName);
            }
        }
    }
}

/// <summary>A file to upload.</summary>
internal sealed class LocalFile
{
    public LocalFile(string fullPath, string relativePath, long length, DateTime lastWriteTimeUtc)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        Length = length;
        LastWriteTimeUtc = lastWriteTimeUtc;
    }

    public string FullPath { get; }

    /// <summary>The path below the upload's root, <c>/</c>-separated; the blob's name below the upload's prefix.</summary>
    public string RelativePath { get; }

    public long Length { get; }

    /// <summary>When the file was last written, as listed: the upload checks the file is still the one listed.</summary>
    public DateTime LastWriteTimeUtc { get; }
}
