using System;

namespace Foundry.Training;

/// <summary>
/// How large downloads are transferred: a file is fetched in parts of <see cref="PartSize"/> bytes with HTTP
/// <c>Range</c> requests, <see cref="MaximumConcurrency"/> parts at a time over as many connections, written in place
/// into a temporary file, and checked (length, and the MD5 the storage reports) before it is put in place. A part whose
/// connection breaks is fetched again from where it stopped; a file that changes on the server while it is being read
/// (its <c>ETag</c>) is started again.
/// </summary>
/// <remarks>
/// Blob storage caps the throughput of each connection, so several connections fetch a large file several times
/// faster (see <c>docs/performance.md</c>). A server that ignores <c>Range</c> is read over one connection, as before.
/// </remarks>
public class TransferOptions
{
    internal const int MinimumPartSize = 1024;

    private int _maximumConcurrency = 8;
    private long _partSize = 8 * 1024 * 1024;

    /// <summary>How many parts of one file are fetched at once (each over its own connection). Defaults to 8; 1 to 64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–64.</exception>
    public int MaximumConcurrency
    {
        get => _maximumConcurrency;
        set
        {
            Argument.AssertInRange(value, 1, 64, nameof(MaximumConcurrency));
            _maximumConcurrency = value;
        }
    }

    /// <summary>
    /// The size of each part, in bytes. Defaults to 8 MiB; at least 1 KiB. A file no larger than one part is fetched
    /// with a single request.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1,024.</exception>
    public long PartSize
    {
        get => _partSize;
        set
        {
            if (value < MinimumPartSize)
            {
                throw new ArgumentOutOfRangeException(nameof(PartSize), value, "A part must be at least 1,024 bytes.");
            }

            _partSize = value;
        }
    }
}
