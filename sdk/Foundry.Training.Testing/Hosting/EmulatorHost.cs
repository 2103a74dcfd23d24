using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Foundry.Training.Testing;

/// <summary>
/// The HTTP side of the emulator: a WireMock.Net server on 127.0.0.1 and a free port, whose single catch-all mapping
/// answers every request through a callback into the <see cref="RequestDispatcher"/>. Uploads are streamed by the
/// <see cref="UploadMiddleware"/> before WireMock.Net sees them.
/// </summary>
internal sealed class EmulatorHost : IDisposable
{
    private readonly WireMockServer _server;
    private readonly UploadMiddleware _uploads;
    private readonly StreamedBodyMiddleware _streamedBodies;
    private volatile RequestDispatcher? _dispatcher;
    private int _disposed;

    public EmulatorHost(long maxStoredFileBytes, long? storageBytesPerSecond)
    {
        _uploads = new UploadMiddleware(() => maxStoredFileBytes);
        _streamedBodies = new StreamedBodyMiddleware(() => _dispatcher, () => storageBytesPerSecond);
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = new[] { "http://127.0.0.1:0" },
            StartAdminInterface = false,
            MaxRequestLogCount = 0, // the emulator keeps its own, redacted log
            DisableJsonBodyParsing = true,
            Logger = new WireMockNullLogger(),
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app)
                .Use((HttpContext context, Func<System.Threading.Tasks.Task> next) => _uploads.InvokeAsync(context, next))
                .Use((HttpContext context, Func<System.Threading.Tasks.Task> next) => _streamedBodies.InvokeAsync(context, next)),
        });
        ServerRoot = new Uri(_server.Url!);
    }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri ServerRoot { get; }

    /// <summary>Starts answering requests (until then, WireMock.Net answers 404).</summary>
    public void Serve(RequestDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.Stop();
            _server.Dispose();
        }
    }

    private IResponseMessage Answer(IRequestMessage request)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            // WireMock.Net stops its host asynchronously: a request that slips in meanwhile is not served.
            return new ResponseMessage { StatusCode = 503 };
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers is not null)
        {
            foreach (KeyValuePair<string, WireMockList<string>> header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        headers.TryGetValue(UploadMiddleware.UploadHeader, out string? uploadId);
        UploadedFile? upload = _uploads.Take(uploadId);
        byte[] body = request.BodyAsBytes ?? (request.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(request.Body));
        ServiceResponse answer = _dispatcher!.Dispatch(request.Method, request.Url, headers, upload is null ? body : Array.Empty<byte>(), upload);

        var response = new ResponseMessage { StatusCode = answer.Status };
        if (answer.Body is not null && !answer.HeadersOnly)
        {
            response.BodyData = new BodyData { BodyAsBytes = answer.Body.ToArray(), DetectedBodyType = BodyType.Bytes };
            response.AddHeader("Content-Type", answer.ContentType ?? "application/octet-stream");
        }

        foreach (IGrouping<string, KeyValuePair<string, string>> header in answer.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            response.AddHeader(header.Key, header.Select(h => h.Value).ToArray());
        }

        return response;
    }
}
