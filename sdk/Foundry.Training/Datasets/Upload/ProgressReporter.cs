using System;
using System.Threading;

namespace Foundry.Training.Datasets;

/// <summary>Adds up the bytes the upload's requests send and tells the caller, at most once per MiB and always at the end.</summary>
internal sealed class ProgressReporter
{
    private const long Step = 1024 * 1024;

    private readonly IProgress<DatasetUploadProgress>? _progress;
    private readonly long _total;
    private long _sent;
    private long _lastReported = -1;

    public ProgressReporter(IProgress<DatasetUploadProgress>? progress, long total)
    {
        _progress = progress;
        _total = total;
    }

    public void Add(long bytes)
    {
        long sent = Interlocked.Add(ref _sent, bytes);
        long last = Volatile.Read(ref _lastReported);
        if (_progress is not null && (sent - last >= Step || sent == _total) && Interlocked.CompareExchange(ref _lastReported, sent, last) == last)
        {
            _progress.Report(new DatasetUploadProgress(sent, _total));
        }
    }

    /// <summary>The final report: everything sent.</summary>
    public void Complete()
    {
        if (_progress is not null && Interlocked.Exchange(ref _lastReported, _total) != _total)
        {
            _progress.Report(new DatasetUploadProgress(_total, _total));
        }
    }
}
