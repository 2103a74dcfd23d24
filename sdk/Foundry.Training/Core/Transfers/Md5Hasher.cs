using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training;

/// <summary>
/// MD5 over bytes that arrive in order (a body as it streams, a file read back), as blob storage reports it in
/// <c>Content-MD5</c> and <c>x-ms-blob-content-md5</c>: an integrity check against corruption, not a security measure.
/// </summary>
internal sealed class Md5Hasher : IDisposable
{
    private const int BufferSize = 81920;

#pragma warning disable CA5351 // MD5 is what storage reports; it detects corruption, it protects nothing.
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351

    public void Append(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

    /// <summary>The hash of everything appended; the hasher starts over.</summary>
    public byte[] Finish() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();

    /// <summary>
    /// The MD5 of a stream's next <paramref name="length"/> bytes (a block of a file being uploaded), or of all its
    /// bytes to its end when <paramref name="length"/> is null (a file read back).
    /// </summary>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    public static async ValueTask<byte[]> HashAsync(Stream stream, long? length, bool async, CancellationToken cancellationToken)
    {
        using var hasher = new Md5Hasher();
        byte[] buffer = new byte[BufferSize];
        for (long remaining = length ?? long.MaxValue; remaining > 0;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int want = (int)Math.Min(buffer.Length, remaining);
            int read = async ? await stream.ReadAsync(buffer, 0, want, cancellationToken).ConfigureAwait(false) : stream.Read(buffer, 0, want);
            if (read == 0)
            {
                if (length is null)
                {
                    break;
                }

                throw new EndOfStreamException("The file became shorter while it was being uploaded.");
            }

            hasher.Append(buffer, 0, read);
            remaining -= read;
        }

        return hasher.Finish();
    }

    /// <summary>Whether two hashes are the same bytes.</summary>
    public static bool Equal(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The MD5 a response header carries (base64 of 16 bytes), or null when it carries none or something else.</summary>
    public static byte[]? FromHeader(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            byte[] hash = Convert.FromBase64String(value!.Trim());
            return hash.Length == 16 ? hash : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
