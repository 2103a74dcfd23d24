using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>
    /// Downloads every artifact under a prefix into a folder, mirroring artifact paths below it. Content is fetched
    /// through the pre-signed content URIs (without this client's credentials), streamed to disk (memory does not grow
    /// with file size), <see cref="TrainingJobsClientOptions.MaxConcurrentDownloads"/> files at a time; each file is
    /// written under a temporary name and renamed when complete.
    /// </summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="destinationDirectory">The folder to write into; created when missing.</param>
    /// <param name="pathPrefix">Only artifacts under this prefix; all artifacts when null.</param>
    /// <param name="progress">Receives byte and file progress; may be called from several threads.</param>
    /// <param name="cancellationToken">Cancels the download; completed files stay, partial files are removed.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="RequestFailedException">
    /// The service returned an error; or a listing nothing is downloaded from (every item is checked before anything is
    /// written): a path that would land outside <paramref name="destinationDirectory"/>, as text or through a link
    /// among its folders (error code <c>UnsafeArtifactPath</c>), a missing, too long or conflicting path
    /// (<c>InvalidArtifactPath</c>), or a content URI that is missing, relative, not http(s), or plain http beyond
    /// loopback (<c>InvalidArtifactContentUri</c>); or a file whose content broke off (<c>ArtifactDownloadIncomplete</c>,
    /// status 0) or could not be written (<c>ArtifactWriteFailed</c>). Each names the artifact.
    /// </exception>
    public virtual Task<IReadOnlyList<DownloadedArtifact>> DownloadArtifactsAsync(string jobName, string attemptId, string destinationDirectory, string? pathPrefix = null, IProgress<ArtifactDownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        DownloadArtifactsCoreAsync(jobName, attemptId, destinationDirectory, pathPrefix, progress, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DownloadArtifactsAsync"/>
    public virtual IReadOnlyList<DownloadedArtifact> DownloadArtifacts(string jobName, string attemptId, string destinationDirectory, string? pathPrefix = null, IProgress<ArtifactDownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        DownloadArtifactsCoreAsync(jobName, attemptId, destinationDirectory, pathPrefix, progress, async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<IReadOnlyList<DownloadedArtifact>> DownloadArtifactsCoreAsync(string jobName, string attemptId, string destinationDirectory, string? pathPrefix, IProgress<ArtifactDownloadProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNullOrEmpty(destinationDirectory, nameof(destinationDirectory));
        PageFetcher<JobArtifactContentInfo> fetch = ArtifactsFetcher<JobArtifactContentInfo>(jobName, attemptId, new ArtifactListOptions { PathPrefix = pathPrefix }, "/content_info_by_prefix", a => a.Path);
        using OperationScope scope = OperationScope.Start("TrainingJobsClient.DownloadArtifacts", jobName);
        try
        {
            // List everything and check every item before writing a single byte.
            var plan = new DownloadPlan(destinationDirectory);
            string? token = null;
            var guard = new PagingGuard(start: null);
            do
            {
                Page<JobArtifactContentInfo> page = await fetch(token, null, async, cancellationToken).ConfigureAwait(false);
                foreach (JobArtifactContentInfo info in page.Values)
                {
                    plan.Add(info, page.GetRawResponse());
                }

                token = guard.Next(page);
            }
            while (token is not null);

            IReadOnlyList<DownloadPlan.PlannedFile> files = plan.Files;

            var tracker = new DownloadTracker(files.Count, progress);
            var results = new DownloadedArtifact[files.Count];
            int parallelism = _options.MaxConcurrentDownloads;
            if (async)
            {
                using var gate = new SemaphoreSlim(parallelism);
                await Task.WhenAll(files.Select(async (file, index) =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        results[index] = await DownloadFileAsync(file, tracker, async: true, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            else
            {
                Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, index =>
                    results[index] = DownloadFileAsync(files[index], tracker, async: false, cancellationToken).EnsureCompleted());
            }

            return results;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            Exception first = ex.InnerExceptions[0];
            scope.Failed(first);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// Downloads one artifact into a new temporary file next to its place (created so that it never follows a link), in
    /// parallel ranged parts (<see cref="TrainingJobsClientOptions.Transfers"/>), checks it, and renames it into place;
    /// a failure removes the temporary file and names the artifact. A file already in place with the length and MD5
    /// storage reports is kept without downloading it again.
    /// </summary>
    private async ValueTask<DownloadedArtifact> DownloadFileAsync(DownloadPlan.PlannedFile file, DownloadTracker tracker, bool async, CancellationToken cancellationToken)
    {
        if (await IsAlreadyCompleteAsync(file, async, cancellationToken).ConfigureAwait(false) is long kept)
        {
            tracker.Bytes(file.ArtifactPath, kept, 0);
            tracker.FileDone(file.ArtifactPath, kept);
            return new DownloadedArtifact(file.ArtifactPath, file.LocalPath, kept);
        }

        string? partial = null;
        long written = 0;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.LocalPath)!);
            string temporary = ArtifactPaths.TemporaryPath(file.LocalPath);
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, useAsync: false))
            {
                partial = temporary;
                var download = new ParallelDownload(_ranges, _options.Transfers, file.ContentUri, file.ArtifactPath, target, delta =>
                {
                    long fileBytes = Interlocked.Add(ref written, delta);
                    tracker.Bytes(file.ArtifactPath, fileBytes, (int)delta);
                });
                written = await download.RunAsync(async, cancellationToken).ConfigureAwait(false);
            }

            ArtifactPaths.Replace(partial, file.LocalPath);
        }
        catch (Exception ex)
        {
            if (partial is not null)
            {
                TryDelete(partial);
            }

            if (ex is IOException or UnauthorizedAccessException)
            {
                throw ServiceFailure.Create(0, $"The artifact '{file.ArtifactPath}' could not be written to '{file.LocalPath}': {ex.Message}", "ArtifactWriteFailed", ex);
            }

            throw;
        }

        tracker.FileDone(file.ArtifactPath, written);
        return new DownloadedArtifact(file.ArtifactPath, file.LocalPath, written);
    }

    /// <summary>
    /// The length of the file already at the artifact's place when it is complete and verified: a regular file (not a
    /// link) with the length and MD5 storage reports for the artifact now. Null when there is none, or it differs, or
    /// storage reports no MD5 to check it against (it is then downloaded again).
    /// </summary>
    private async ValueTask<long?> IsAlreadyCompleteAsync(DownloadPlan.PlannedFile file, bool async, CancellationToken cancellationToken)
    {
        var local = new FileInfo(file.LocalPath);
        if (!local.Exists || (local.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return null;
        }

        using RangeResponse properties = await _ranges.GetPropertiesAsync(file.ContentUri, file.ArtifactPath, async, cancellationToken).ConfigureAwait(false);
        if (properties.ContentMd5 is null || properties.TotalLength != local.Length)
        {
            return null;
        }

        byte[] md5;
        try
        {
            using var stream = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: async);
            md5 = await Md5Hasher.HashAsync(stream, length: null, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Md5Hasher.Equal(md5, properties.ContentMd5) ? local.Length : null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The failure being reported matters more than a temporary file left behind.
        }
    }

    /// <summary>Thread-safe totals behind the progress reports.</summary>
    private sealed class DownloadTracker
    {
        private readonly int _totalFiles;
        private readonly IProgress<ArtifactDownloadProgress>? _progress;
        private long _totalBytes;
        private int _completedFiles;

        public DownloadTracker(int totalFiles, IProgress<ArtifactDownloadProgress>? progress)
        {
            _totalFiles = totalFiles;
            _progress = progress;
        }

        public void Bytes(string path, long fileBytes, long delta)
        {
            long total = Interlocked.Add(ref _totalBytes, delta);
            _progress?.Report(new ArtifactDownloadProgress(path, fileBytes, total, Volatile.Read(ref _completedFiles), _totalFiles));
        }

        public void FileDone(string path, long fileBytes)
        {
            int completed = Interlocked.Increment(ref _completedFiles);
            _progress?.Report(new ArtifactDownloadProgress(path, fileBytes, Interlocked.Read(ref _totalBytes), completed, _totalFiles));
        }
    }
}
