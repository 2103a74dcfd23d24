using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>
/// The bookkeeping of one read of a file that survives broken connections (a part of a parallel download, a resumable
/// download stream, a log file being tailed), so that all of them break, resume and give up alike: a body that throws
/// an <see cref="IOException"/> (or is disposed under the read) or ends before its length broke off and is asked for
/// again from where the reader got (with <see cref="RangeReader"/>); the caller's cancellation, which breaks the
/// connection too, surfaces as an <see cref="OperationCanceledException"/>; after <see cref="MaxFruitlessResumes"/>
/// resumptions in a row that brought nothing new the read fails with a <see cref="RequestFailedException"/> (status 0)
/// naming what was read and holding the last break.
/// </summary>
internal sealed class ResumableRead
{
    /// <summary>How many times in a row a read may be resumed without progress before it fails.</summary>
    public const int MaxFruitlessResumes = 3;

    /// <summary>How often a file that changed or was replaced while it was read is started again before the read fails.</summary>
    public const int MaxRestarts = 3;

    private readonly string _what;
    private readonly string _errorCode;
    private int _breaks;
    private Exception? _lastBreak;

    /// <param name="what">The read in messages, as the subject of a sentence: <c>The download of 'model.bin'</c>.</param>
    /// <param name="errorCode">The error code of a read that broke off for good: <c>ArtifactDownloadIncomplete</c>.</param>
    public ResumableRead(string what, string errorCode)
    {
        _what = what;
        _errorCode = errorCode;
    }

    /// <summary>Says that the read got further (bytes, or whatever its reader counts): the breaks before no longer count.</summary>
    public void Progressed() => _breaks = 0;

    /// <summary>
    /// Reads the next bytes of <paramref name="body"/>: how many arrived, 0 at its end, or -1 when its connection broke
    /// (recorded: resume from <paramref name="position"/>).
    /// </summary>
    /// <param name="body">The body being read.</param>
    /// <param name="buffer">Where the bytes go.</param>
    /// <param name="offset">Where in <paramref name="buffer"/>.</param>
    /// <param name="count">How many bytes at most.</param>
    /// <param name="position">Where the reader got in the file, for the message if the read gives up.</param>
    /// <param name="async">Whether to read asynchronously.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    /// <exception cref="RequestFailedException">The connection broke once too often without progress.</exception>
    public async ValueTask<int> ReadAsync(Stream body, byte[] buffer, int offset, int count, long position, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return async
                ? await body.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false)
                : body.Read(buffer, offset, count);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{_what} was cancelled.", ex, cancellationToken);
            }

            Broke(ex, position);
            return -1;
        }
    }

    /// <summary>Records a body that ended after <paramref name="received"/> of the <paramref name="expected"/> bytes it announced.</summary>
    /// <exception cref="RequestFailedException">The connection broke once too often without progress.</exception>
    public void EndedEarly(long received, long expected, long position) =>
        Broke(new IOException($"The body ended after {received} of {expected} bytes."), position);

    /// <summary>The failure of a read that broke off for good at <paramref name="position"/> (as the last break left it, or one that cannot be resumed).</summary>
    public RequestFailedException BrokeOff(long position)
    {
        Exception cause = _lastBreak ?? new IOException("The connection broke.");
        string times = _breaks > 1 ? $" {_breaks} times in a row" : string.Empty;
        return ServiceFailure.Create(0, $"{_what} broke off at byte {position}{times}: {cause.Message}", _errorCode, cause);
    }

    private void Broke(Exception cause, long position)
    {
        _lastBreak = cause;
        if (++_breaks > MaxFruitlessResumes)
        {
            throw BrokeOff(position);
        }
    }
}
