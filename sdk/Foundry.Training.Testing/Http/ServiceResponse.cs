using System;
using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>What a service of the emulator answers: status, headers and an optional body.</summary>
internal sealed class ServiceResponse
{
    private ServiceResponse(int status, ResponseBody? body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    /// <summary>The body, produced as it is sent; its length is known up front.</summary>
    public ResponseBody? Body { get; }

    public string? ContentType { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>A fault that breaks or corrupts the body on the wire (storage downloads only); set by the dispatcher.</summary>
    public PlannedFault? BodyFault { get; set; }

    /// <summary>Whether a HEAD request asked for it: headers (with the body's <c>Content-Length</c>) but no body sent.</summary>
    public bool HeadersOnly { get; private set; }

    public static ServiceResponse Json(int status, BinaryData body) => new(status, ResponseBody.FromBytes(body.ToArray()), "application/json");

    public static ServiceResponse Json(int status, byte[] body) => new(status, ResponseBody.FromBytes(body), "application/json");

    public static ServiceResponse Bytes(int status, byte[] body, string contentType) => new(status, ResponseBody.FromBytes(body), contentType);

    public static ServiceResponse Stream(int status, ResponseBody body, string contentType) => new(status, body, contentType);

    public static ServiceResponse Empty(int status) => new(status, null, null);

    public ServiceResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Keeps the headers (and the length) of the body but sends none, as a HEAD response does.</summary>
    public ServiceResponse WithoutBody()
    {
        HeadersOnly = true;
        return this;
    }

    /// <summary>Asks the client to wait: <c>Retry-After</c> in whole seconds (rounded up) and <c>retry-after-ms</c> exactly.</summary>
    public ServiceResponse WithRetryAfter(TimeSpan delay)
    {
        long seconds = (long)Math.Ceiling(delay.TotalSeconds);
        WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        return WithHeader("retry-after-ms", ((long)Math.Ceiling(delay.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
    }
}
