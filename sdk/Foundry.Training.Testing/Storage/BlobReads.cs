using System;
using System.Globalization;
using System.Security.Cryptography;

namespace Foundry.Training.Testing;

/// <summary>
/// How Azure Blob Storage answers a read (Get Blob, Get Blob Properties) of a stored blob: <c>Range</c> or
/// <c>x-ms-range</c> (206 with <c>Content-Range</c>, 416 beyond the end), <c>If-Match</c> (412 when the blob changed),
/// <c>If-None-Match</c> (304), <c>ETag</c>, <c>Last-Modified</c>, <c>Accept-Ranges</c>, the blob's MD5 (up to 2 GiB) in
/// <c>x-ms-blob-content-md5</c> (and <c>Content-MD5</c> on a whole-blob read, or of the range when
/// <c>x-ms-range-get-content-md5: true</c> asks for a range of at most 4 MiB). Shared by every emulated blob.
/// </summary>
internal static class BlobReads
{
    private const long MaxRangeMd5Length = 4 * 1024 * 1024;

    /// <summary>
    /// Blobs up to this size carry their MD5 (worked out on first read); larger ones none, as blobs uploaded in blocks
    /// usually have none, so that a first read of a many-gigabyte blob does not wait for its hash.
    /// </summary>
    private const long MaxBlobMd5Length = 2L * 1024 * 1024 * 1024;

    public static ServiceResponse Serve(ServiceRequest request, StoredBlob blob)
    {
        long length = blob.Content.Length;
        string? ifMatch = request.Header("If-Match");
        if (ifMatch is not null && !Matches(ifMatch, blob.ETag))
        {
            return WithProperties(ServiceErrors.StorageError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met."), blob);
        }

        string? ifNoneMatch = request.Header("If-None-Match");
        if (ifNoneMatch is not null && Matches(ifNoneMatch, blob.ETag))
        {
            return WithProperties(ServiceResponse.Empty(304), blob);
        }

        string? range = request.Header("x-ms-range") ?? request.Header("Range");
        bool unsatisfiable = false;
        (long Start, long End)? bounds = range is null ? null : Parse(range, length, out unsatisfiable);
        if (unsatisfiable)
        {
            return ServiceErrors.StorageError(416, "InvalidRange", "The range specified is invalid for the current size of the resource.")
                .WithHeader("Content-Range", "bytes */" + length.ToString(CultureInfo.InvariantCulture));
        }

        ServiceResponse response;
        if (bounds is (long start, long end))
        {
            ResponseBody part = blob.Content.Slice(start, end - start + 1);
            response = ServiceResponse.Stream(206, part, blob.ContentType)
                .WithHeader("Content-Range", "bytes " + start.ToString(CultureInfo.InvariantCulture) + "-" + end.ToString(CultureInfo.InvariantCulture) + "/" + length.ToString(CultureInfo.InvariantCulture));
            if (string.Equals(request.Header("x-ms-range-get-content-md5"), "true", StringComparison.OrdinalIgnoreCase) && part.Length <= MaxRangeMd5Length)
            {
                response.WithHeader("Content-MD5", Convert.ToBase64String(MD5.HashData(part.ToArray())));
            }
        }
        else
        {
            response = ServiceResponse.Stream(200, blob.Content, blob.ContentType);
            if (length <= MaxBlobMd5Length)
            {
                response.WithHeader("Content-MD5", Convert.ToBase64String(blob.Content.Md5));
            }
        }

        WithProperties(response, blob);
        if (length <= MaxBlobMd5Length)
        {
            response.WithHeader("x-ms-blob-content-md5", Convert.ToBase64String(blob.Content.Md5));
        }

        return request.Is("HEAD") ? response.WithoutBody() : response;
    }

    private static ServiceResponse WithProperties(ServiceResponse response, StoredBlob blob) =>
        response
            .WithHeader("ETag", blob.ETag)
            .WithHeader("Last-Modified", blob.LastModified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture))
            .WithHeader("Accept-Ranges", "bytes")
            .WithHeader("x-ms-blob-type", "BlockBlob");

    private static bool Matches(string condition, string etag)
    {
        foreach (string candidate in condition.Split(','))
        {
            string tag = candidate.Trim();
            if (tag == "*" || string.Equals(tag, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The inclusive byte range of <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> within a body of
    /// <paramref name="length"/> bytes; null for a header to ignore (another unit, several ranges, bad syntax: the
    /// whole body is sent, as HTTP allows) or, with <paramref name="unsatisfiable"/>, a range beyond the end.
    /// </summary>
    private static (long Start, long End)? Parse(string header, long length, out bool unsatisfiable)
    {
        unsatisfiable = false;
        string value = header.Trim();
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || value.IndexOf(',') >= 0)
        {
            return null;
        }

        string spec = value.Substring("bytes=".Length).Trim();
        int dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        string first = spec.Substring(0, dash).Trim(), last = spec.Substring(dash + 1).Trim();
        bool hasFirst = long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long start);
        bool hasLast = long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long end);
        if ((first.Length > 0 && !hasFirst) || (last.Length > 0 && !hasLast) || (!hasFirst && !hasLast) || (hasFirst && hasLast && end < start))
        {
            return null;
        }

        if (!hasFirst)
        {
            // A suffix: the last `end` bytes.
            if (end == 0 || length == 0)
            {
                unsatisfiable = true;
                return null;
            }

            return (Math.Max(0, length - end), length - 1);
        }

        if (start >= length)
        {
            unsatisfiable = true;
            return null;
        }

        return (start, hasLast ? Math.Min(end, length - 1) : length - 1);
    }
}
