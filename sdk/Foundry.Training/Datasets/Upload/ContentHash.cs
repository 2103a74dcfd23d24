using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Datasets;

/// <summary>
/// The version an upload gets when the caller names none: a stable hash of what is uploaded, so that the same file or
/// folder always maps to the same version and is uploaded once.
/// </summary>
/// <remarks>
/// SHA-256 over the UTF-8 text <c>foundry-dataset-v1\n{kind}\n</c> (<c>kind</c> is <c>file</c> or <c>folder</c>),
/// then for each file, in ordinal order of its path below the upload's root (<c>/</c>-separated; a single file's path
/// is its name): the path's UTF-8 byte count in decimal, <c>:</c>, the path, the file's byte count in decimal,
/// <c>:</c>, and the file's bytes. The version is the first 32 hexadecimal digits (128 bits) in lower case. Timestamps,
/// permissions and the local root's own name are not part of it; renaming or moving a file inside the folder is.
/// </remarks>
internal static class ContentHash
{
    /// <summary>The length of a content-hash version, in hexadecimal digits.</summary>
    public const int Length = 32;

    private const int ChunkSize = 81920;

    public static async ValueTask<string> ComputeAsync(LocalFiles files, bool async, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, "foundry-dataset-v1\n" + files.Kind + "\n");
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            foreach (LocalFile file in files.Files)
            {
                byte[] path = Encoding.UTF8.GetBytes(file.RelativePath);
                Append(sha, path.Length.ToString(CultureInfo.InvariantCulture) + ":");
                sha.AppendData(path);
                Append(sha, file.Length.ToString(CultureInfo.InvariantCulture) + ":");
                using Stream stream = FileRangeContent.Open(file.FullPath, 0, file.Length, async);
                long remaining = file.Length;
                while (remaining > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int read = async
                        ? await stream.ReadAsync(buffer, 0, (int)Math.Min(ChunkSize, remaining), cancellationToken).ConfigureAwait(false)
                        : stream.Read(buffer, 0, (int)Math.Min(ChunkSize, remaining));
                    if (read == 0)
                    {
                        throw BlobUpload.Changed(file.RelativePath);
                    }

                    sha.AppendData(buffer, 0, read);
                    remaining -= read;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        byte[] hash = sha.GetHashAndReset();
        var text = new StringBuilder(Length);
        for (int i = 0; i < Length / 2; i++)
        {
            text.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static void Append(IncrementalHash sha, string text) => sha.AppendData(Encoding.UTF8.GetBytes(text));
}
