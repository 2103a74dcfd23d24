using System.Text;

namespace Foundry.Training.Tests.Hostile;

/// <summary>Raw HTTP/1.1 responses that contradict themselves, for <c>ConnectionFault.Raw</c>.</summary>
internal static class HostileResponses
{
    /// <summary>A status line and headers (each "Name: value"), without a body.</summary>
    public static byte[] Head(int status, params string[] headers) =>
        Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Status\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "Connection: close\r\n\r\n");

    /// <summary>A response that declares <paramref name="declaredLength"/> bytes and carries <paramref name="body"/>, whatever its length.</summary>
    public static byte[] WithLength(int status, long declaredLength, byte[] body, string contentType = "application/json") =>
        Head(status, "Content-Type: " + contentType, "Content-Length: " + declaredLength).Concat(body).ToArray();

    /// <summary>A response without <c>Content-Length</c>: the body ends when the connection closes.</summary>
    public static byte[] UntilClose(int status, byte[] body, string contentType = "application/json") =>
        Head(status, "Content-Type: " + contentType).Concat(body).ToArray();

    /// <summary>A chunked response in chunks of <paramref name="chunkSize"/>, with or without the last (empty) chunk.</summary>
    public static byte[] Chunked(int status, byte[] body, int chunkSize, bool lastChunk = true, string contentType = "application/json")
    {
        var bytes = new List<byte>(Head(status, "Content-Type: " + contentType, "Transfer-Encoding: chunked"));
        for (int offset = 0; offset < body.Length; offset += chunkSize)
        {
            int count = Math.Min(chunkSize, body.Length - offset);
            bytes.AddRange(Encoding.ASCII.GetBytes(count.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            bytes.AddRange(body.AsSpan(offset, count).ToArray());
            bytes.AddRange("\r\n"u8.ToArray());
        }

        if (lastChunk)
        {
            bytes.AddRange("0\r\n\r\n"u8.ToArray());
        }

        return bytes.ToArray();
    }

    /// <summary><paramref name="length"/> bytes of recognizable content.</summary>
    public static byte[] Content(int length) => Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
}
