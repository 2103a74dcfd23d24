using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Foundry.Training.Testing;

/// <summary>
/// Answers the requests whose bodies are produced as they are sent (<see cref="RequestDispatcher.StreamsBody"/>)
/// before WireMock.Net would hold them in one array: a multi-gigabyte artifact costs one copy buffer. Sends at most
/// <see cref="FoundryTrainingEmulatorOptions.StorageBandwidthPerConnection"/> bytes per second per response (one
/// response at a time per connection, so per connection), and plays body faults (a reset or a flipped byte mid-body).
/// </summary>
internal sealed class StreamedBodyMiddleware
{
    private const int ChunkSize = 64 * 1024;

    private readonly Func<RequestDispatcher?> _dispatcher;
    private readonly Func<long?> _bytesPerSecond;

    public StreamedBodyMiddleware(Func<RequestDispatcher?> dispatcher, Func<long?> bytesPerSecond)
    {
        _dispatcher = dispatcher;
        _bytesPerSecond = bytesPerSecond;
    }

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        RequestDispatcher? dispatcher = _dispatcher();
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        int query = target.IndexOf('?', StringComparison.Ordinal);
        if (dispatcher is null || !RequestDispatcher.StreamsBody(context.Request.Method, query < 0 ? target : target.Substring(0, query)))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        string url = "http://" + context.Request.Host.Value + target;
        ServiceResponse answer = dispatcher.Dispatch(context.Request.Method, url, headers, Array.Empty<byte>(), upload: null);
        HttpResponse response = context.Response;
        response.StatusCode = answer.Status;
        foreach (KeyValuePair<string, string> header in answer.Headers)
        {
            response.Headers.Append(header.Key, header.Value);
        }

        ResponseBody? body = answer.Body;
        if (body is null)
        {
            return;
        }

        response.ContentType = answer.ContentType ?? "application/octet-stream";
        response.ContentLength = body.Length;
        if (answer.HeadersOnly || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await SendAsync(context, body, answer.BodyFault, answer.Status is 200 or 206 ? _bytesPerSecond() : null).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpContext context, ResponseBody body, PlannedFault? fault, long? bytesPerSecond)
    {
        CancellationToken aborted = context.RequestAborted;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var clock = Stopwatch.StartNew();
            long sent = 0;
            while (sent < body.Length)
            {
                int count = (int)Math.Min(ChunkSize, body.Length - sent);
                if (fault?.Body == BodyFaultKind.Reset && sent + count > fault.AtByte)
                {
                    count = (int)(fault.AtByte - sent);
                }

                body.Read(sent, buffer.AsSpan(0, count));
                if (fault?.Body == BodyFaultKind.Corrupt && fault.AtByte >= sent && fault.AtByte < sent + count)
                {
                    buffer[fault.AtByte - sent] ^= 0xFF;
                }

                await context.Response.Body.WriteAsync(buffer.AsMemory(0, count), aborted).ConfigureAwait(false);
                sent += count;
                if (fault?.Body == BodyFaultKind.Reset && sent == fault.AtByte)
                {
                    // Let the bytes sent reach the socket before the reset (an abort drops what is still queued).
                    await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    await Task.Delay(10, aborted).ConfigureAwait(false);
                    context.Abort();
                    return;
                }

                if (bytesPerSecond is long rate)
                {
                    // Hold the pace over the whole body rather than per chunk, so timer granularity does not add up.
                    TimeSpan due = TimeSpan.FromSeconds((double)sent / rate);
                    TimeSpan ahead = due - clock.Elapsed;
                    if (ahead > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(ahead, aborted).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException)
        {
            // The client went away; nothing left to send.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
