using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Foundry.Training.Testing;

/// <summary>
/// Reads multipart file uploads as a stream before WireMock.Net would buffer them whole: keeps the form fields, the
/// size and the first bytes of the file, and hands the request on with an empty body and a header naming the upload.
/// A multi-gigabyte upload so costs the emulator one copy buffer plus what it keeps.
/// </summary>
internal sealed class UploadMiddleware
{
    public const string UploadHeader = "X-Foundry-Emulator-Upload";

    private const int MaxFieldLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, UploadedFile> _uploads = new(StringComparer.Ordinal);
    private readonly Func<long> _maxStoredBytes;

    public UploadMiddleware(Func<long> maxStoredBytes)
    {
        _maxStoredBytes = maxStoredBytes;
    }

    /// <summary>Removes and returns the upload a request's <see cref="UploadHeader"/> names.</summary>
    public UploadedFile? Take(string? id) => id is not null && _uploads.TryRemove(id, out UploadedFile? upload) ? upload : null;

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        // Only the emulator itself may name an upload.
        context.Request.Headers.Remove(UploadHeader);
        string? contentType = context.Request.ContentType;
        if (HttpMethods.IsPost(context.Request.Method) &&
            contentType is not null &&
            contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            UploadedFile upload = await ReadAsync(context.Request, contentType).ConfigureAwait(false);
            string id = Guid.NewGuid().ToString("N");
            _uploads[id] = upload;
            context.Request.Headers[UploadHeader] = id;
            context.Request.Body = Stream.Null;
            context.Request.ContentLength = 0;
            context.Request.ContentType = "application/octet-stream";
        }

        await next().ConfigureAwait(false);
    }

    private async Task<UploadedFile> ReadAsync(HttpRequest request, string contentType)
    {
        long cap = _maxStoredBytes();
        string? boundary = MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return new UploadedFile(contentType, null, null, 0, Array.Empty<byte>(), false, "the Content-Type has no boundary");
        }

        string? fileName = null, purpose = null;
        var fields = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
        long length = 0;
        var kept = new MemoryStream();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition))
                {
                    await section.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted).ConfigureAwait(false);
                    continue;
                }

                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition() || string.Equals(name, "file", StringComparison.Ordinal))
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    length = await CopyAsync(section.Body, kept, cap, request).ConfigureAwait(false);
                }
                else if (string.Equals(name, "purpose", StringComparison.Ordinal))
                {
                    purpose = await ReadFieldAsync(section.Body, request).ConfigureAwait(false);
                }
                else
                {
                    fields[name] = await ReadFieldAsync(section.Body, request).ConfigureAwait(false);
                }
            }
        }
        catch (IOException ex)
        {
            return new UploadedFile(contentType, fileName, purpose, length, Array.Empty<byte>(), false, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return new UploadedFile(contentType, fileName, purpose, length, Array.Empty<byte>(), false, ex.Message);
        }

        return new UploadedFile(contentType, fileName, purpose, length, kept.ToArray(), length > kept.Length, null, fields);
    }

    /// <summary>Copies a file part, keeping at most <paramref name="cap"/> bytes and counting them all.</summary>
    private static async Task<long> CopyAsync(Stream source, MemoryStream kept, long cap, HttpRequest request)
    {
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer.AsMemory(), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            long room = cap - kept.Length;
            if (room > 0)
            {
                await kept.WriteAsync(buffer.AsMemory(0, (int)Math.Min(room, read)), request.HttpContext.RequestAborted).ConfigureAwait(false);
            }

            total += read;
        }

        return total;
    }

    private static async Task<string> ReadFieldAsync(Stream source, HttpRequest request)
    {
        var field = new MemoryStream();
        await CopyAsync(source, field, MaxFieldLength, request).ConfigureAwait(false);
        return Encoding.UTF8.GetString(field.GetBuffer(), 0, (int)field.Length);
    }
}
