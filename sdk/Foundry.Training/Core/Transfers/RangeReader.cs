using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// The primitive of every large transfer: one GET of a byte range of a file at a URL (a pre-signed storage URL, fetched
/// without the client's credentials), optionally only if the file is still the version read before (<c>If-Match</c>).
/// The answer is checked against what was asked: a 206 must say (<c>Content-Range</c>) that it starts where asked, ends
/// within the range and agrees with its <c>Content-Length</c>; a 200 is the whole file (the server ignored the range);
/// a 416 says the range starts past the end (how a reader of a growing file, such as a log tailed from a saved offset,
/// learns there is nothing new); a 412, or a 206 of another version than <c>If-Match</c> named, means the file changed
/// (<see cref="FileChangedException"/>). Parallel downloads
/// use it for each part, resumed parts from where they stopped.
/// </summary>
internal sealed class RangeReader
{
    private readonly ServicePipeline _pipeline;

    public RangeReader(ServicePipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>Reads the file's properties with a HEAD request: its length (-1 when unknown), version and MD5.</summary>
    public async ValueTask<RangeResponse> GetPropertiesAsync(Uri uri, string name, bool async, CancellationToken cancellationToken)
    {
        HttpMessage message = _pipeline.CreateNextLinkRequest(uri.AbsoluteUri);
        try
        {
            message.Request.Method = RequestMethod.Head;
            message.BufferResponse = false; // A HEAD answer declares a length but has no body.
            Response response = await _pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            long length = response.Headers.ContentLength ?? -1;
            return new RangeResponse(message, ranged: false, 0, length, length, ETagOf(response), Md5Of(response, wholeFile: true));
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <param name="uri">The file's URL.</param>
    /// <param name="name">The file's name for error messages (never the URL: it may carry a signature).</param>
    /// <param name="offset">The first byte wanted.</param>
    /// <param name="length">How many bytes at most; to the end of the file when null.</param>
    /// <param name="ifMatch">The version the bytes must come from; any version when null.</param>
    /// <param name="async">Whether to wait asynchronously.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="FileChangedException">The file is no longer the version <paramref name="ifMatch"/> names (a 412, or a 206 with another <c>ETag</c>).</exception>
    /// <exception cref="RequestFailedException">The server failed, or answered with a range other than the one asked for (<c>InvalidRangeResponse</c>).</exception>
    public async ValueTask<RangeResponse> ReadAsync(Uri uri, string name, long offset, long? length, string? ifMatch, bool async, CancellationToken cancellationToken)
    {
        HttpMessage message = _pipeline.CreateNextLinkRequest(uri.AbsoluteUri);
        try
        {
            message.Request.Headers.SetValue(HttpHeader.Names.Accept, "*/*");
            message.Request.Headers.SetValue(HttpHeader.Names.Range, "bytes=" + offset.ToString(CultureInfo.InvariantCulture) + "-" +
                (length is long count ? (offset + count - 1).ToString(CultureInfo.InvariantCulture) : string.Empty));
            if (ifMatch is not null)
            {
                message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch);
            }

            message.BufferResponse = false;
            Response response;
            try
            {
                response = await _pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && ifMatch is not null)
            {
                throw new FileChangedException(name, ex);
            }
            catch (RequestFailedException ex) when (ex.Status == 416 && message.HasResponse)
            {
                Response past = message.Response;
                long total = ParseContentRange(past.Headers.TryGetValue("Content-Range", out string? unsatisfied) ? unsatisfied : null, out _, out _);
                return new RangeResponse(message, ranged: false, offset, 0, total, ETagOf(past), Md5Of(past, wholeFile: false));
            }

            return Check(message, response, name, offset, length, ifMatch);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static RangeResponse Check(HttpMessage message, Response response, string name, long offset, long? length, string? ifMatch)
    {
        long? contentLength = response.Headers.ContentLength;
        if (response.Status == 200)
        {
            long whole = contentLength ?? -1;
            return new RangeResponse(message, ranged: false, 0, whole, whole, ETagOf(response), Md5Of(response, wholeFile: true));
        }

        string? header = response.Headers.TryGetValue("Content-Range", out string? value) ? value : null;
        long total = ParseContentRange(header, out long start, out long end);
        string? problem =
            response.Status != 206 ? $"answered a range request with status {response.Status}"
            : start < 0 ? "answered a range request without a valid Content-Range"
            : start != offset ? $"sent bytes from {start} when asked for bytes from {offset}"
            : length is long count && end > offset + count - 1 ? $"sent bytes up to {end} when asked for bytes up to {offset + count - 1}"
            : total >= 0 && end >= total ? $"sent a range ending at {end} of a file of {total} bytes"
            : contentLength is long sent && sent != end - start + 1 ? $"sent a Content-Length of {sent} with a Content-Range of {end - start + 1} bytes"
            : null;
        if (problem is not null)
        {
            throw ServiceFailure.Create(response, $"The server of '{name}' {problem}.", "InvalidRangeResponse");
        }

        string? etag = ETagOf(response);
        if (ifMatch is not null && etag is not null && etag != ifMatch)
        {
            throw new FileChangedException(name); // A new version despite If-Match.
        }

        return new RangeResponse(message, ranged: true, start, end - start + 1, total, etag, Md5Of(response, wholeFile: false));
    }

    /// <summary>The failure of a resumption that a server answered with the whole file: it honoured a range before, so it cannot be read on.</summary>
    internal static RequestFailedException IgnoredRange(RangeResponse response, string name, long position) =>
        ServiceFailure.Create(response.Raw, $"The server of '{name}' ignored the range requested for bytes {position} on.", "InvalidRangeResponse");

    /// <summary>
    /// Reads <c>bytes a-b/total</c> (or <c>bytes */total</c>): the total (-1 when <c>*</c> or unreadable), with
    /// <paramref name="start"/> and <paramref name="end"/> (-1 when absent or unreadable).
    /// </summary>
    private static long ParseContentRange(string? header, out long start, out long end)
    {
        start = end = -1;
        if (header is null || !header.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        string spec = header.Substring("bytes ".Length).Trim();
        int slash = spec.IndexOf('/');
        if (slash < 0)
        {
            return -1;
        }

        long total = long.TryParse(spec.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long t) ? t : -1;
        string range = spec.Substring(0, slash);
        int dash = range.IndexOf('-');
        if (dash > 0 &&
            long.TryParse(range.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out long a) &&
            long.TryParse(range.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long b) &&
            b >= a)
        {
            start = a;
            end = b;
        }

        return total;
    }

    /// <summary>The file's version, when the server sent one.</summary>
    internal static string? ETagOf(Response response) => response.Headers.TryGetValue("ETag", out string? etag) && !string.IsNullOrEmpty(etag) ? etag : null;

    /// <summary>The MD5 of the whole file: storage's <c>x-ms-blob-content-md5</c>, or <c>Content-MD5</c> of a whole-file answer.</summary>
    internal static byte[]? Md5Of(Response response, bool wholeFile) =>
        Md5Hasher.FromHeader(response.Headers.TryGetValue("x-ms-blob-content-md5", out string? blob) ? blob : null) ??
        (wholeFile ? Md5Hasher.FromHeader(response.Headers.TryGetValue("Content-MD5", out string? md5) ? md5 : null) : null);
}
