using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>The MD5 the Uploads API checks a completed upload against (a checksum the service defines, not a security measure).</summary>
internal static class ContentHash
{
    private const int ChunkSize = 81920;

    /// <summary>The MD5 of the stream's content, as 32 lowercase hexadecimal digits; the stream is read to its end and disposed.</summary>
    public static async ValueTask<string> Md5Async(Stream content, bool async, CancellationToken cancellationToken)
    {
        using Stream stream = content;
#pragma warning disable CA5351 // The service defines the checksum as MD5; it detects corruption, it does not protect anything.
        using IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = async
                       ? await stream.ReadAsync(buffer, 0, ChunkSize, cancellationToken).ConfigureAwait(false)
                       : stream.Read(buffer, 0, ChunkSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                md5.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        byte[] hash = md5.GetHashAndReset();
        var hex = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
