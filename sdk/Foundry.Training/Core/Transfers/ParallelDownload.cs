using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Downloads one file into a temporary file the caller created (and removes or renames): the first part with one ranged
/// request, which tells the file's length, version and MD5; the rest in parallel parts (<see cref="TransferOptions"/>),
/// each read only if the file is still that version and written in place; a part whose connection breaks is fetched
/// again from where it stopped. The result is checked against the length and the MD5. A file that changes meanwhile is
/// started again (a few times). A server that ignores ranges is read over one connection, which cannot be resumed.
/// </summary>
internal sealed class ParallelDownload
{
    private const int BufferSize = 81920;
    private const string IncompleteCode = "ArtifactDownloadIncomplete";

    private readonly RangeReader _reader;
    private readonly TransferOptions _options;
    private readonly Uri _uri;
    private readonly string _name;
    private readonly string _what;
    private readonly FileStream _target;
    private readonly Action<long> _progress;

    /// <param name="reader">Reads ranges of <paramref name="uri"/>.</param>
    /// <param name="options">Part size and concurrency.</param>
    /// <param name="uri">The file's URL.</param>
    /// <param name="name">The file's name in messages.</param>
    /// <param name="target">The temporary file, opened for writing (and reading, to check its MD5), empty.</param>
    /// <param name="progress">Called with each number of bytes written (from several threads); a restart reports the bytes again.</param>
    public ParallelDownload(RangeReader reader, TransferOptions options, Uri uri, string name, FileStream target, Action<long> progress)
    {
        _reader = reader;
        _options = options;
        _uri = uri;
        _name = name;
        _what = $"The download of artifact '{name}'";
        _target = target;
        _progress = progress;
    }

    /// <summary>Downloads the file; returns its length.</summary>
    /// <exception cref="RequestFailedException">
    /// The server failed; a connection broke off for good (<c>ArtifactDownloadIncomplete</c>, status 0); an answer broke
    /// the protocol (<c>InvalidRangeResponse</c>); the file kept changing (<c>ArtifactChanged</c>); the bytes did not
    /// match the length or MD5 the server reported (<c>ArtifactCorrupted</c>). Each names the file.
    /// </exception>
    public async ValueTask<long> RunAsync(bool async, CancellationToken cancellationToken)
    {
        for (int restart = 0; ; restart++)
        {
            try
            {
                return await DownloadOnceAsync(async, cancellationToken).ConfigureAwait(false);
            }
            catch (FileChangedException) when (restart < ResumableRead.MaxRestarts)
            {
                // Start the file again from its new version.
            }
            catch (FileChangedException ex)
            {
                throw ServiceFailure.Create(0, $"The artifact '{_name}' changed on the server {ResumableRead.MaxRestarts + 1} times while it was being downloaded.", "ArtifactChanged", ex);
            }
        }
    }

    private async ValueTask<long> DownloadOnceAsync(bool async, CancellationToken cancellationToken)
    {
        _target.SetLength(0);
        RangeResponse first = await _reader.ReadAsync(_uri, _name, 0, _options.PartSize, ifMatch: null, async, cancellationToken).ConfigureAwait(false);
        if (first.PastEnd && first.TotalLength == 0)
        {
            first.Dispose();
            return 0; // Blob storage answers any range of an empty blob with 416.
        }

        if (!first.Ranged)
        {
            return await WholeFileAsync(first, async, cancellationToken).ConfigureAwait(false);
        }

        long total = first.TotalLength;
        if (total < 0)
        {
            first.Dispose();
            throw ServiceFailure.Create(first.Raw, $"The server of '{_name}' answered a range request without the file's length.", "InvalidRangeResponse");
        }

        _target.SetLength(total);
        var plan = new PartPlan(total, _options.PartSize);
        RangeResponse? opened = first;
        using var hash = first.ContentMd5 is null ? null : new InOrderHash(this, plan);
        try
        {
            await ParallelParts.RunAsync(
                plan.Parts(),
                _options.MaximumConcurrency,
                async (part, token) =>
                {
                    // Part 0 is already on its way: the first answer.
                    RangeResponse? start = part == 0 ? Interlocked.Exchange(ref opened, null) : null;
                    await PartAsync(plan, part, start, first.ETag, async, token).ConfigureAwait(false);
                    if (hash is not null)
                    {
                        await hash.PartDoneAsync(part, async, token).ConfigureAwait(false);
                    }
                },
                async,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref opened, null)?.Dispose();
        }

        if (_target.Length != total)
        {
            throw Corrupted($"has {_target.Length} bytes where the server reported {total}");
        }

        if (hash is not null)
        {
            CheckMd5(first.ContentMd5, hash.Finish());
        }

        return total;
    }

    /// <summary>Fetches one part, resuming from where a broken connection stopped.</summary>
    private async ValueTask PartAsync(PartPlan plan, int part, RangeResponse? response, string? etag, bool async, CancellationToken cancellationToken)
    {
        long position = plan.StartOf(part);
        long end = position + plan.LengthOf(part);
        byte[] buffer = new byte[BufferSize];
        var read = new ResumableRead(_what, IncompleteCode);
        while (position < end)
        {
            response ??= await _reader.ReadAsync(_uri, _name, position, end - position, etag, async, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                if (!response.Ranged)
                {
                    throw RangeReader.IgnoredRange(response, _name, position); // It honoured the first range but not this one.
                }

                Stream body = response.Content;
                long bodyEnd = response.Start + response.Length;
                while (position < bodyEnd)
                {
                    int count = await read.ReadAsync(body, buffer, 0, (int)Math.Min(buffer.Length, bodyEnd - position), position, async, cancellationToken).ConfigureAwait(false);
                    if (count <= 0)
                    {
                        if (count == 0)
                        {
                            read.EndedEarly(position - response.Start, response.Length, position);
                        }

                        break; // The rest is asked for again.
                    }

                    await WriteAtAsync(position, buffer, count, async, cancellationToken).ConfigureAwait(false);
                    position += count;
                    read.Progressed();
                    _progress(count);
                }
            }

            response = null;
        }
    }

    /// <summary>A server that ignored the range: the whole file over this one connection, hashed as it arrives.</summary>
    private async ValueTask<long> WholeFileAsync(RangeResponse response, bool async, CancellationToken cancellationToken)
    {
        using (response)
        using (var hasher = new Md5Hasher())
        {
            byte[] buffer = new byte[BufferSize];
            long written = 0;
            Stream body = response.Content;
            var read = new ResumableRead(_what, IncompleteCode);
            while (true)
            {
                int count = await read.ReadAsync(body, buffer, 0, buffer.Length, written, async, cancellationToken).ConfigureAwait(false);
                if (count < 0)
                {
                    throw read.BrokeOff(written); // One connection: it cannot be resumed.
                }

                if (count == 0)
                {
                    break;
                }

                await WriteAtAsync(written, buffer, count, async, cancellationToken).ConfigureAwait(false);
                hasher.Append(buffer, 0, count);
                written += count;
                _progress(count);
            }

            if (response.Length >= 0 && written != response.Length)
            {
                read.EndedEarly(written, response.Length, written);
                throw read.BrokeOff(written);
            }

            CheckMd5(response.ContentMd5, hasher.Finish());
            return written;
        }
    }

    private void CheckMd5(byte[]? expected, byte[] actual)
    {
        if (expected is not null && !Md5Hasher.Equal(expected, actual))
        {
            throw Corrupted($"has the MD5 {Convert.ToBase64String(actual)} where the server reported {Convert.ToBase64String(expected)}");
        }
    }

    private async ValueTask WriteAtAsync(long position, byte[] buffer, int count, bool async, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        if (async)
        {
            await RandomAccess.WriteAsync(_target.SafeFileHandle, buffer.AsMemory(0, count), position, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            RandomAccess.Write(_target.SafeFileHandle, buffer.AsSpan(0, count), position);
        }
#else
        // One position for every writer: write under a lock (the file is ours alone).
        lock (_target)
        {
            _target.Position = position;
            _target.Write(buffer, 0, count);
        }

        if (async)
        {
            await Task.CompletedTask.ConfigureAwait(false);
        }
#endif
    }

    private async ValueTask<int> ReadAtAsync(long position, byte[] buffer, int count, bool async, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return async
            ? await RandomAccess.ReadAsync(_target.SafeFileHandle, buffer.AsMemory(0, count), position, cancellationToken).ConfigureAwait(false)
            : RandomAccess.Read(_target.SafeFileHandle, buffer.AsSpan(0, count), position);
#else
        int read;
        lock (_target)
        {
            _target.Position = position;
            read = _target.Read(buffer, 0, count);
        }

        if (async)
        {
            await Task.CompletedTask.ConfigureAwait(false);
        }

        return read;
#endif
    }

    private RequestFailedException Corrupted(string problem) =>
        ServiceFailure.Create(0, $"The downloaded artifact '{_name}' {problem}; it was not kept.", "ArtifactCorrupted");

    /// <summary>
    /// Hashes the file in part order while the download goes on: whichever worker finishes a part hashes every part
    /// complete from the hashed end on (reading them back from the file, which the page cache usually still holds),
    /// one worker at a time. The MD5 is so ready when the last part lands instead of taking a pass of its own.
    /// </summary>
    private sealed class InOrderHash : IDisposable
    {
        private readonly ParallelDownload _owner;
        private readonly PartPlan _plan;
        private readonly bool[] _done;
        private readonly Md5Hasher _hasher = new();
        private readonly object _gate = new();
        private int _next;
        private bool _busy;

        public InOrderHash(ParallelDownload owner, PartPlan plan)
        {
            _owner = owner;
            _plan = plan;
            _done = new bool[plan.Count];
        }

        public async ValueTask PartDoneAsync(int part, bool async, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _done[part] = true;
                if (_busy)
                {
                    return; // The worker hashing now takes this part too.
                }

                _busy = true;
            }

            byte[] buffer = new byte[BufferSize];
            while (true)
            {
                int next;
                lock (_gate)
                {
                    if (_next >= _done.Length || !_done[_next])
                    {
                        _busy = false;
                        return;
                    }

                    next = _next;
                }

                try
                {
                    long position = _plan.StartOf(next), end = position + _plan.LengthOf(next);
                    while (position < end)
                    {
                        int read = await _owner.ReadAtAsync(position, buffer, (int)Math.Min(buffer.Length, end - position), async, cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            throw new IOException("The temporary file ended before the parts written to it.");
                        }

                        _hasher.Append(buffer, 0, read);
                        position += read;
                    }
                }
                catch
                {
                    lock (_gate)
                    {
                        _busy = false;
                    }

                    throw;
                }

                lock (_gate)
                {
                    _next++;
                }
            }
        }

        /// <summary>The MD5 of the whole file, once every part is done.</summary>
        public byte[] Finish() => _next == _done.Length ? _hasher.Finish() : throw new InvalidOperationException("Not every part was hashed.");

        public void Dispose() => _hasher.Dispose();
    }
}
