using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Training.Testing;

/// <summary>
/// Turns a raw HTTP request into a <see cref="ServiceRequest"/> for the service its path belongs to, applies planned
/// faults, records the exchange (credentials redacted) and returns the answer. Independent of the HTTP host.
/// </summary>
internal sealed class RequestDispatcher
{
    /// <summary>How many requests the log keeps; older ones are dropped so a long-running emulator does not grow without bound.</summary>
    public const int MaxRecordedRequests = 10_000;

    private readonly TimeProvider _clock;
    private readonly EmulatorContext _context;
    private readonly EmulatorFaults _faults;
    private readonly Dictionary<EmulatedService, IEmulatedService> _services;
    private readonly Queue<EmulatorRequest> _log = new();

    public RequestDispatcher(TimeProvider clock, EmulatorContext context, EmulatorFaults faults, Dictionary<EmulatedService, IEmulatedService> services)
    {
        _clock = clock;
        _context = context;
        _faults = faults;
        _services = services;
    }

    public IReadOnlyList<EmulatorRequest> Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToArray();
            }
        }
    }

    public void ClearLog()
    {
        lock (_log)
        {
            _log.Clear();
        }
    }

    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The absolute request URL as sent (escaped).</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The body bytes (empty for an upload, which <paramref name="upload"/> describes).</param>
    /// <param name="upload">The multipart upload the middleware read, if any.</param>
    public ServiceResponse Dispatch(string method, string url, IReadOnlyDictionary<string, string> headers, byte[] body, UploadedFile? upload)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        (string path, string query) = SplitUrl(url);
        List<string> segments = Segments(path);
        (EmulatedService? service, int skip, string logPath) = Classify(segments, path);
        Dictionary<string, string> queryValues = ParseQuery(query);
        method = method.ToUpperInvariant();

        var serviceRequest = new ServiceRequest(method, segments.GetRange(skip, segments.Count - skip), queryValues, headers, body, upload, now);
        PlannedFault? fault = _faults.TakeNext(service);
        ServiceResponse response;
        if (fault is not null && !fault.AfterProcessing)
        {
            response = FaultResponse(service, fault);
        }
        else
        {
            response = Serve(service, serviceRequest);
            if (fault is not null)
            {
                response = FaultResponse(service, fault);
            }
        }

        if (fault is null && response.Body is not null && !response.HeadersOnly && response.Status is 200 or 206)
        {
            response.BodyFault = _faults.TakeBodyFault(service == EmulatedService.Storage || StreamsBody(method, path), response.Body.Length);
        }

        response.WithHeader(RequestIdHeader(service), _context.NextRequestId());
        Record(now, service, method, logPath, queryValues, headers, body, upload, response.Status, fault is not null || response.BodyFault is not null);
        return response;
    }

    /// <summary>
    /// Whether a request's answer is written by the <see cref="StreamedBodyMiddleware"/> (a body produced as it is sent,
    /// at the storage's pace, with body faults) rather than by WireMock.Net (which holds a body in one array): reads of
    /// the emulated storage and artifact content, which can be gigabytes.
    /// </summary>
    public static bool StreamsBody(string method, string path) =>
        (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)) &&
        (path.StartsWith(EmulatorContext.StoragePath + "/", StringComparison.Ordinal) ||
         (path.StartsWith(EmulatorContext.ProjectPath + "/training_jobs/", StringComparison.Ordinal) && path.EndsWith("/artifacts/content", StringComparison.Ordinal)));

    private ServiceResponse Serve(EmulatedService? service, ServiceRequest request)
    {
        if (service is null || !_services.TryGetValue(service.Value, out IEmulatedService? handler))
        {
            return ServiceErrors.Foundry(404, "NotFound", "The emulator serves Foundry training jobs under " + EmulatorContext.ProjectPath + "/training_jobs, Azure OpenAI under " + EmulatorContext.ProjectPath + "/openai and the OpenAI platform under " + EmulatorContext.ProjectPath + "/fine_tuning, /files, /uploads and /models.");
        }

        try
        {
            return handler.Handle(request);
        }
#pragma warning disable CA1031 // An emulator bug must become a 500 the client can report, not a dropped connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string message = "The emulator failed: " + ex.GetType().Name + ": " + ex.Message;
            return service switch
            {
                EmulatedService.AzureOpenAI => ServiceErrors.AzureOpenAI(500, "internalFailure", message),
                EmulatedService.OpenAI => ServiceErrors.OpenAI(500, message, "server_error"),
                _ => ServiceErrors.Foundry(500, "InternalServerError", message),
            };
        }
    }

    private static ServiceResponse FaultResponse(EmulatedService? service, PlannedFault fault)
    {
        ServiceResponse response = ServiceErrors.Fault(service, fault.StatusCode);
        return fault.RetryAfter is TimeSpan delay ? response.WithRetryAfter(delay) : response;
    }

    private void Record(DateTimeOffset now, EmulatedService? service, string method, string path, Dictionary<string, string> query, IReadOnlyDictionary<string, string> headers, byte[] body, UploadedFile? upload, int status, bool faulted)
    {
        var loggedQuery = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in query)
        {
            loggedQuery[pair.Key] = Redaction.QueryValue(pair.Key, pair.Value);
        }

        var loggedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> pair in headers)
        {
            if (!string.Equals(pair.Key, UploadMiddleware.UploadHeader, StringComparison.OrdinalIgnoreCase))
            {
                loggedHeaders[pair.Key] = Redaction.Header(pair.Key, pair.Value);
            }
        }

        string? loggedBody = null;
        if (upload is not null)
        {
            loggedHeaders["Content-Type"] = upload.ContentType;
            loggedBody = upload.Summary;
        }
        else if (body.Length > 0 && service == EmulatedService.BlobStorage && method == "PUT")
        {
            loggedBody = "(" + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes of blob content)"; // binary, and up to a block large
        }
        else if (body.Length > 0)
        {
            loggedBody = Redaction.Text(Encoding.UTF8.GetString(body));
        }

        var entry = new EmulatorRequest(now, service, method, Redaction.Text(path), loggedQuery, loggedHeaders, loggedBody, status, faulted);
        lock (_log)
        {
            if (_log.Count == MaxRecordedRequests)
            {
                _log.Dequeue();
            }

            _log.Enqueue(entry);
        }
    }

    private static string RequestIdHeader(EmulatedService? service) => service switch
    {
        EmulatedService.AzureOpenAI => "apim-request-id",
        EmulatedService.OpenAI => "x-request-id",
        _ => "x-ms-request-id",
    };

    /// <summary>Which service a path belongs to, how many leading segments are its root, and the path as the log shows it.</summary>
    private static (EmulatedService? Service, int Skip, string LogPath) Classify(List<string> segments, string path)
    {
        List<string> project = Segments(EmulatorContext.ProjectPath);
        List<string> storage = Segments(EmulatorContext.StoragePath);
        List<string> blobs = Segments(EmulatorContext.BlobsPath);
        if (StartsWith(segments, project))
        {
            string relative = path.Substring(EmulatorContext.ProjectPath.Length);
            string first = segments.Count > project.Count ? segments[project.Count] : string.Empty;
            return first switch
            {
                "training_jobs" => (EmulatedService.TrainingJobs, project.Count, relative),
                "datasets" => (EmulatedService.Datasets, project.Count, relative),
                "openai" => (EmulatedService.AzureOpenAI, project.Count + 1, relative),
                "fine_tuning" or "files" or "models" or "uploads" => (EmulatedService.OpenAI, project.Count, relative),
                _ => (null, project.Count, relative),
            };
        }

        if (StartsWith(segments, blobs))
        {
            return (EmulatedService.BlobStorage, blobs.Count, path);
        }

        if (StartsWith(segments, storage))
        {
            return (EmulatedService.Storage, storage.Count, path);
        }

        return (null, 0, path);
    }

    private static bool StartsWith(List<string> segments, List<string> prefix)
    {
        if (segments.Count < prefix.Count)
        {
            return false;
        }

        for (int i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(segments[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The escaped path and the raw query of an absolute URL, without parsing (which could unescape <c>%2F</c>).</summary>
    private static (string Path, string Query) SplitUrl(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        int pathStart = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
        if (pathStart < 0)
        {
            return ("/", string.Empty);
        }

        int queryStart = url.IndexOf('?', pathStart);
        int fragment = url.IndexOf('#', pathStart);
        int pathEnd = queryStart >= 0 ? queryStart : fragment >= 0 ? fragment : url.Length;
        string path = url.Substring(pathStart, pathEnd - pathStart);
        string query = queryStart < 0 ? string.Empty : url.Substring(queryStart + 1, (fragment > queryStart ? fragment : url.Length) - queryStart - 1);
        return (path, query);
    }

    /// <summary>The non-empty segments of an escaped path, still escaped.</summary>
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length > 0)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    /// <summary>The query parameters, unescaped; a repeated parameter keeps its first value.</summary>
    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int equals = pair.IndexOf('=');
            string name = Unescape(equals < 0 ? pair : pair.Substring(0, equals));
            string value = equals < 0 ? string.Empty : Unescape(pair.Substring(equals + 1));
            if (!values.ContainsKey(name))
            {
                values[name] = value;
            }
        }

        return values;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
