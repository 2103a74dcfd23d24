using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Writes local files to block blobs through pre-signed (SAS) URLs: a file up to one block in one Put Blob, a larger
/// one in blocks (Put Block) committed with Put Block List. All blocks and small files of an upload share one pool of
/// <c>maxConcurrency</c> workers (<see cref="ParallelParts"/>); each request streams its range from disk with a <c>Content-MD5</c> the service checks,
/// and is retried on its own by the pipeline's retry policy (a reset in the middle of a block resends that block).
/// A file that changes meanwhile (its length or last write time) fails the upload before its blob is written or
/// committed, and an empty one is never opened (a FIFO or device reads as empty and would block the open).
/// </summary>
internal sealed class BlockUploader
{
    /// <summary>The Azure Storage REST version the requests speak.</summary>
    public const string StorageVersion = "2023-11-03";

    /// <summary>The most blocks a block blob can have.</summary>
    public const int MaxBlocks = 50_000;

    private readonly ServicePipeline _pipeline;
    private readonly long _blockSize;
    private readonly int _maxConcurrency;

    /// <param name="pipeline">
    /// A pipeline without credentials (the SAS in each URL authorizes the request); its send maps failures to
    /// <see cref="RequestFailedException"/> with the SAS signature redacted.
    /// </param>
    /// <param name="blockSize">The size of a block; files no larger go in one request.</param>
    /// <param name="maxConcurrency">How many requests are in flight at once.</param>
    public BlockUploader(ServicePipeline pipeline, long blockSize, int maxConcurrency)
    {
        _pipeline = pipeline;
        _blockSize = blockSize;
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>The block size for a file: the configured one, raised (to whole MiB) when the file would need more than <see cref="MaxBlocks"/>.</summary>
    public static long BlockSizeFor(long length, long blockSize)
    {
        const long MiB = 1024 * 1024;
        long needed = (length + MaxBlocks - 1) / MaxBlocks;
        return needed <= blockSize ? blockSize : (needed + MiB - 1) / MiB * MiB;
    }

    /// <summary>A block id: the same length for every block of a blob, as the service requires.</summary>
    public static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes("block-" + index.ToString("D6", CultureInfo.InvariantCulture)));

    /// <summary>Uploads every file; the first failure stops the others and is thrown.</summary>
    /// <param name="blobs">The files and their blobs.</param>
    /// <param name="progress">Told each number of bytes sent (negative when an attempt is started again).</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="RequestFailedException">Storage refused a request, or it failed after its retries.</exception>
    /// <exception cref="RequestFailedException">A file changed while it was being uploaded (<c>LocalFileChanged</c>).</exception>
    public async ValueTask UploadAsync(IReadOnlyList<BlobUpload> blobs, Action<long>? progress, bool async, CancellationToken cancellationToken)
    {
        await ParallelParts.RunAsync(Plan(blobs), _maxConcurrency, (part, token) => UploadPartAsync(part, progress, async, token), async, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The requests of every file: one Put Blob for a file of one block at most, else one Put Block per block.</summary>
    private List<Part> Plan(IReadOnlyList<BlobUpload> blobs)
    {
        var parts = new List<Part>();
        foreach (BlobUpload blob in blobs)
        {
            var plan = new PartPlan(blob.Length, BlockSizeFor(blob.Length, _blockSize));
            if (plan.Count <= 1)
            {
                parts.Add(new Part(blob, null, -1, 0, blob.Length));
                continue;
            }

            var blocks = new BlockList(plan.Count);
            foreach (int i in plan.Parts())
            {
                parts.Add(new Part(blob, blocks, i, plan.StartOf(i), plan.LengthOf(i)));
            }
        }

        return parts;
    }

    /// <summary>Sends one part; the one that stages a blob's last block commits the blob.</summary>
    private async ValueTask UploadPartAsync(Part part, Action<long>? progress, bool async, CancellationToken cancellationToken)
    {
        if (part.Blocks is null)
        {
            await PutAsync(part, comp: null, progress, async, cancellationToken).ConfigureAwait(false);
            part.Blob.AssertUnchanged(); // the blob is written: it holds what was planned only if the file still is
            return;
        }

        await PutAsync(part, comp: "block", progress, async, cancellationToken).ConfigureAwait(false);
        if (part.Blocks.Done())
        {
            part.Blob.AssertUnchanged(); // a changed file's blocks are never committed
            await CommitAsync(part.Blob, part.Blocks.Count, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Put Blob (the whole file) or Put Block (one range), with the range's MD5.</summary>
    private async ValueTask PutAsync(Part part, string? comp, Action<long>? progress, bool async, CancellationToken cancellationToken)
    {
        part.Blob.AssertUnchanged();
        byte[] md5;
        using (Stream file = FileRangeContent.Open(part.Blob.LocalPath, part.Offset, part.Length, async))
        {
            md5 = await Md5Hasher.HashAsync(file, part.Length, async, cancellationToken).ConfigureAwait(false);
        }

        using HttpMessage message = CreateRequest(part.Blob.BlobUrl);
        Request request = message.Request;
        if (comp is null)
        {
            request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        }
        else
        {
            request.Uri.AppendQuery("comp", comp, escapeValue: true);
            request.Uri.AppendQuery("blockid", BlockId(part.Index), escapeValue: true);
        }

        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/octet-stream");
        request.Content = new FileRangeContent(part.Blob.LocalPath, part.Offset, part.Length, progress);
        _ = await _pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Put Block List: commits the blocks, in order, as the blob's content.</summary>
    private async ValueTask CommitAsync(BlobUpload blob, int count, bool async, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        for (int i = 0; i < count; i++)
        {
            xml.Append("<Latest>").Append(BlockId(i)).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        using HttpMessage message = CreateRequest(blob.BlobUrl);
        message.Request.Uri.AppendQuery("comp", "blocklist", escapeValue: true);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        _ = await _pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    private HttpMessage CreateRequest(Uri blobUrl)
    {
        HttpMessage message = _pipeline.Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Put;
        message.Request.Uri.Reset(blobUrl);
        message.Request.Headers.SetValue("x-ms-version", StorageVersion);
        return message;
    }

    /// <summary>One request's worth of a file: the whole file (no <see cref="Blocks"/>) or one block.</summary>
    private sealed class Part
    {
        public Part(BlobUpload blob, BlockList? blocks, int index, long offset, long length)
        {
            Blob = blob;
            Blocks = blocks;
            Index = index;
            Offset = offset;
            Length = length;
        }

        public BlobUpload Blob { get; }

        public BlockList? Blocks { get; }

        public int Index { get; }

        public long Offset { get; }

        public long Length { get; }
    }

    /// <summary>The blocks of one blob: the worker that stages the last one commits them.</summary>
    private sealed class BlockList
    {
        private int _remaining;

        public BlockList(int count)
        {
            Count = count;
            _remaining = count;
        }

        public int Count { get; }

        public bool Done() => Interlocked.Decrement(ref _remaining) == 0;
    }
}
