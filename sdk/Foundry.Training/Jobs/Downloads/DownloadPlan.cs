using System;
using System.Collections.Generic;
using System.IO;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// The files a folder download writes, checked item by item as the listing arrives and before a single byte is
/// written: every item needs a path and an absolute http(s) content URI (https off loopback), lands inside the
/// destination folder (<see cref="ArtifactPaths"/>), and no two items claim one file or a file and a folder of one
/// name, as the file system compares names (<see cref="ArtifactPaths.LocalPathComparer"/>: without case on Windows and macOS). An item listed twice is downloaded once; folder markers (paths ending in <c>/</c>) are skipped.
/// </summary>
internal sealed class DownloadPlan
{
    private readonly string _root;
    private readonly List<PlannedFile> _files = new();
    private readonly Dictionary<string, string> _artifactByLocalPath;
    private readonly Dictionary<string, string> _firstArtifactByFolder;
    private int _listed;

    /// <param name="destinationDirectory">The folder to write into (need not exist).</param>
    public DownloadPlan(string destinationDirectory)
        : this(destinationDirectory, ArtifactPaths.LocalPathComparer)
    {
    }

    /// <param name="destinationDirectory">The folder to write into (need not exist).</param>
    /// <param name="localPathComparer">How the file system compares names: two paths it deems equal are one file.</param>
    internal DownloadPlan(string destinationDirectory, StringComparer localPathComparer)
    {
        _root = ArtifactPaths.Root(destinationDirectory);
        _artifactByLocalPath = new(localPathComparer);
        _firstArtifactByFolder = new(localPathComparer);
    }

    /// <summary>The files to download, in listing order.</summary>
    public IReadOnlyList<PlannedFile> Files => _files;

    /// <summary>Checks one listed item and plans its file.</summary>
    /// <exception cref="RequestFailedException">
    /// The item is malformed (<c>InvalidArtifactPath</c>, <c>InvalidArtifactContentUri</c>) or unsafe (<c>UnsafeArtifactPath</c>).
    /// </exception>
    public void Add(JobArtifactContentInfo info, Response response)
    {
        _listed++;
        string? path = info.Path;
        if (string.IsNullOrEmpty(path))
        {
            throw Invalid(response, "InvalidArtifactPath", $"The service listed an artifact without a path (item {_listed} of the listing)");
        }

        if (path!.Replace('\\', '/').EndsWith("/", StringComparison.Ordinal))
        {
            return;
        }

        Uri contentUri = CheckContentUri(info, path, response);
        string localPath = ArtifactPaths.Resolve(_root, path, response);
        if (_artifactByLocalPath.TryGetValue(localPath, out string? other))
        {
            if (string.Equals(other, path, StringComparison.Ordinal))
            {
                return;
            }

            throw Invalid(response, "InvalidArtifactPath", $"The service listed the artifacts '{other}' and '{path}', which would both be written to '{localPath}'");
        }

        if (_firstArtifactByFolder.TryGetValue(localPath, out string? inside))
        {
            throw FileAndFolder(response, path, inside);
        }

        for (string? folder = Path.GetDirectoryName(localPath); folder is not null && folder.Length >= _root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (_artifactByLocalPath.TryGetValue(folder, out string? file))
            {
                throw FileAndFolder(response, file, path);
            }

#if NET8_0_OR_GREATER
            _firstArtifactByFolder.TryAdd(folder, path);
#else
            if (!_firstArtifactByFolder.ContainsKey(folder))
            {
                _firstArtifactByFolder.Add(folder, path);
            }
#endif
        }

        _artifactByLocalPath.Add(localPath, path);
        _files.Add(new PlannedFile(path, contentUri, localPath));
    }

    /// <summary>The content URI, when it is one the download pipeline may fetch: absolute, https, or http to a loopback address.</summary>
    private static Uri CheckContentUri(JobArtifactContentInfo info, string path, Response response) =>
        ContentUriProblem(info) is string problem
            ? throw Invalid(response, "InvalidArtifactContentUri", $"The service listed the artifact '{path}', which {problem}")
            : info.ContentUri!;

    /// <summary>
    /// Why the download pipeline may not fetch an artifact's content URI (it must be absolute, https, or http to a
    /// loopback address), or null when it may. The URI itself stays out of the text: its query may carry a signature.
    /// </summary>
    internal static string? ContentUriProblem(JobArtifactContentInfo info)
    {
        Uri? uri = info.ContentUri;
        return uri is null ? (info.AdditionalPropertiesJson?.ContainsKey("content_uri") == true ? "has a content_uri that is not a URI the SDK can read" : "has no content_uri")
            : !uri.IsAbsoluteUri ? "has a relative content_uri"
            : uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp ? $"has a content_uri with the unsupported scheme '{uri.Scheme}'"
            : !TransportSecurity.IsSecure(uri.Scheme, uri.Host) ? "has a plain-HTTP content_uri to a host that is not a loopback address (only HTTPS is used beyond this machine)"
            : null;
    }

    private static RequestFailedException FileAndFolder(Response response, string file, string inside) =>
        Invalid(response, "InvalidArtifactPath", $"The service listed the artifact '{file}' and the artifact '{inside}', which needs a folder of that name");

    private static RequestFailedException Invalid(Response response, string errorCode, string problem) =>
        ServiceFailure.Create(response, problem + "; nothing was downloaded.", errorCode, null);

    /// <summary>One artifact to download: its path in the job, where its content is, and the file it becomes.</summary>
    public sealed class PlannedFile
    {
        public PlannedFile(string artifactPath, Uri contentUri, string localPath)
        {
            ArtifactPath = artifactPath;
            ContentUri = contentUri;
            LocalPath = localPath;
        }

        public string ArtifactPath { get; }

        public Uri ContentUri { get; }

        public string LocalPath { get; }
    }
}
