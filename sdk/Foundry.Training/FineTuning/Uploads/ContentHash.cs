using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>The MD5 the Uploads API checks a completed upload against (a checksum the service defines, not a security measure).</summary>
internal static class ContentHash
{
    /// <summary>The MD5 of the stream's content, as 32 lowercase hexadecimal digits; the stream is read to its end and disposed.</summary>
    public static async ValueTask<string> Md5Async(Stream content, bool async, CancellationToken cancellationToken)
    {
        byte[] hash;
        using (content)
        {
            hash = await Md5Hasher.HashAsync(content, length: null, async, cancellationToken).ConfigureAwait(false);
        }

        var hex = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
