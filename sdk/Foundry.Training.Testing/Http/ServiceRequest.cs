using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Training.Testing;

/// <summary>A request as a service of the emulator sees it: method, path segments below the service root, query, headers and body.</summary>
internal sealed class ServiceRequest
{
    public ServiceRequest(
        string method,
        IReadOnlyList<string> rawSegments,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        UploadedFile? upload,
        DateTimeOffset now)
    {
        Method = method;
        RawSegments = rawSegments;
        var segments = new string[rawSegments.Count];
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.UnescapeDataString(rawSegments[i]);
        }

        Segments = segments;
        Query = query;
        Headers = headers;
        Body = body;
        Upload = upload;
        Now = now;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path segments below the service root, as sent (escaped).</summary>
    public IReadOnlyList<string> RawSegments { get; }

    /// <summary>The path segments below the service root, unescaped.</summary>
    public IReadOnlyList<string> Segments { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Case-insensitive header names.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    /// <summary>The multipart file upload the upload middleware read from the body, if this request carried one.</summary>
    public UploadedFile? Upload { get; }

    /// <summary>The emulator's clock when the request arrived.</summary>
    public DateTimeOffset Now { get; }

    public bool Is(string method) => string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out string? value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}
