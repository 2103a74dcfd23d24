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
    /// The service returned an error, or an artifact path that would escape <paramref name="destinationDirectory"/>
    /// (error code <c>UnsafeArtifactPath</c>; checked for every artifact before anything is written).
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
            // List everything and check every path before writing a single byte.
            string root = ArtifactPaths.Root(destinationDirectory);
            var files = new List<(JobArtifactContentInfo Info, string LocalPath)>();
            string? token = null;
            var guard = new PagingGuard(start: null);
            do
            {
                Page<JobArtifactContentInfo> page = await fetch(token, null, async, cancellationToken).ConfigureAwait(false);
                foreach (JobArtifactContentInfo info in page.Values.Where(i => !i.Path.EndsWith("/", StringComparison.Ordinal)))
                {
                    files.Add((info, ArtifactPaths.Resolve(root, info.Path, page.GetRawResponse())));
                }

                token = guard.Next(page);
            }
            while (token is not null);

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
                        results[index] = await DownloadFileAsync(file.Info, file.LocalPath, tracker, async: true, cancellationToken).ConfigureAwait(false);
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
                    results[index] = DownloadFileAsync(files[index].Info, files[index].LocalPath, tracker, async: false, cancellationToken).EnsureCompleted());
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

    private async ValueTask<DownloadedArtifact> DownloadFileAsync(JobArtifactContentInfo info, string localPath, DownloadTracker tracker, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = _downloadPipeline.CreateNextLinkRequest(info.ContentUri.AbsoluteUri);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "*/*");
        message.BufferResponse = false;
        Response response = await _downloadPipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        string partial = localPath + ".partial";
        long written = 0;
        try
        {
            using (Stream source = response.ContentStream ?? Stream.Null)
            using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: async))
            {
                byte[] buffer = new byte[81920];
                int read;
                while ((read = async
                    ? await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)
                    : source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (async)
                    {
                        await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        target.Write(buffer, 0, read);
                    }

                    written += read;
                    tracker.Bytes(info.Path, written, read);
                }
            }

            if (File.Exists(localPath))
            {
                File.Delete(localPath);
            }

            File.Move(partial, localPath);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        tracker.FileDone(info.Path, written);
        return new DownloadedArtifact(info.Path, localPath, written);
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

        public void Bytes(string path, long fileBytes, int delta)
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
