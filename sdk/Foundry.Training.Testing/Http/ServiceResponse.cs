using System;
using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>What a service of the emulator answers: status, headers and an optional body.</summary>
internal sealed class ServiceResponse
{
    private ServiceResponse(int status, byte[]? body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public byte[]? Body { get; }

    public string? ContentType { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public static ServiceResponse Json(int status, BinaryData body) => new(status, body.ToArray(), "application/json");

    public static ServiceResponse Json(int status, byte[] body) => new(status, body, "application/json");

    public static ServiceResponse Bytes(int status, byte[] body, string contentType) => new(status, body, contentType);

    public static ServiceResponse Empty(int status) => new(status, null, null);

    public ServiceResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
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
