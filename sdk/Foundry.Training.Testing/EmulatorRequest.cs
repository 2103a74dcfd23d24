using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// One request a <see cref="FoundryTrainingEmulator"/> received and how it answered, for assertions in tests.
/// Credentials are redacted: the <c>Authorization</c> and <c>api-key</c> headers read <c>REDACTED</c>, and so does
/// any <c>sig</c> (SAS signature) query parameter in the URI or the body.
/// </summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(
        DateTimeOffset timestamp,
        EmulatedService? service,
        string method,
        string path,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        string? body,
        int statusCode,
        bool faulted)
    {
        Timestamp = timestamp;
        Service = service;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        StatusCode = statusCode;
        Faulted = faulted;
    }

    /// <summary>When the request arrived, by the emulator's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The service the request was addressed to; null when its path belongs to none.</summary>
    public EmulatedService? Service { get; }

    /// <summary>The HTTP method, upper case: <c>GET</c>, <c>POST</c>, <c>DELETE</c>, ...</summary>
    public string Method { get; }

    /// <summary>
    /// The path relative to <see cref="FoundryTrainingEmulator.Endpoint"/>, as sent (escaped): <c>/training_jobs/my-job</c>,
    /// <c>/openai/fine_tuning/jobs</c>, <c>/files</c>. Requests outside the endpoint (artifact downloads) keep their full path.
    /// </summary>
    public string Path { get; }

    /// <summary>The query parameters (unescaped; the first value of a repeated parameter).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>The request headers (case-insensitive names; repeated values joined with a comma).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The body as UTF-8 text; null when there was none. A multipart file upload is summarized (file name, purpose and
    /// size) instead of being kept.
    /// </summary>
    public string? Body { get; }

    /// <summary>The status code the emulator answered with.</summary>
    public int StatusCode { get; }

    /// <summary>Whether the answer was an injected fault (see <see cref="FoundryTrainingEmulator.Faults"/>).</summary>
    public bool Faulted { get; }

    /// <summary>The method, path and status, for test output: <c>POST /training_jobs → 201</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Method + " " + Path + " → " + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Faulted ? " (fault)" : string.Empty);
}
