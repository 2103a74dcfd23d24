using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training;

/// <summary>MD5 of streamed data (Azure Storage's <c>Content-MD5</c>), in chunks: nothing is buffered whole.</summary>
internal static class Md5Hasher
{
    private const int ChunkSize = 81920;

    /// <summary>The MD5 of the next <paramref name="length"/> bytes of <paramref name="stream"/>.</summary>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    public static async ValueTask<byte[]> ComputeAsync(Stream stream, long length, bool async, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long remaining = length;
            while (remaining > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int want = (int)Math.Min(ChunkSize, remaining);
                int read = async
                    ? await stream.ReadAsync(buffer, 0, want, cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, 0, want);
                if (read == 0)
                {
                    throw new EndOfStreamException("The file became shorter while it was being uploaded.");
                }

                md5.AppendData(buffer, 0, read);
                remaining -= read;
            }

            return md5.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
