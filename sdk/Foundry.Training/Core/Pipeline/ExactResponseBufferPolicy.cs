using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Buffers a response body whose <c>Content-Length</c> is known into one array of exactly that size. Azure.Core's own
/// buffering copies into a growing <see cref="MemoryStream"/>: about twice the body in allocations, most of it on the
/// large object heap for list pages (a page of 100 training jobs is ~300 KB). Placed right before the transport, so
/// it runs inside the retry loop (a body cut short is retried like any other network failure) and under the network
/// timeout Azure.Core sets for the call; Azure.Core leaves the seekable stream it produces alone. Streamed responses
/// (<see cref="HttpMessage.BufferResponse"/> false), bodies without a length and very large bodies are left to Azure.Core.
/// </summary>
internal sealed class ExactResponseBufferPolicy : HttpPipelinePolicy
{
    private const long MaxLength = 256L * 1024 * 1024;

    public static ExactResponseBufferPolicy Shared { get; } = new();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    private static async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        else
        {
            ProcessNext(message, pipeline);
        }

        if (!message.BufferResponse || !message.HasResponse)
        {
            return;
        }

        Response response = message.Response;
        Stream? stream = response.ContentStream;
        if (stream is null || stream.CanSeek || response.Headers.ContentLength is not int length || length < 0 || length > MaxLength)
        {
            return;
        }

        byte[] body = length == 0 ? Array.Empty<byte>() : new byte[length];
        CancellationToken cancellationToken = message.CancellationToken;

        // A read that has to wait may not observe the token (a synchronous one never does): the stream is then disposed
        // on cancellation, as Azure.Core does. The callback is only armed once a read has to wait: a small body is
        // usually in the transport's buffer already, and arming it costs more than reading it.
        CancellationTokenRegistration registration = default;
        bool armed = false;
        try
        {
            int filled = 0;
            while (filled < body.Length)
            {
                int read;
                if (async)
                {
#if NET8_0_OR_GREATER
                    ValueTask<int> pending = stream.ReadAsync(body.AsMemory(filled), cancellationToken);
#else
                    Task<int> pending = stream.ReadAsync(body, filled, body.Length - filled, cancellationToken);
#endif
                    if (!armed && !pending.IsCompleted)
                    {
                        registration = Arm(cancellationToken, stream);
                        armed = true;
                    }

                    read = await pending.ConfigureAwait(false);
                }
                else
                {
                    if (!armed)
                    {
                        registration = Arm(cancellationToken, stream);
                        armed = true;
                    }

                    read = stream.Read(body, filled, body.Length - filled);
                }

                if (read == 0)
                {
                    throw new IOException($"The response body ended after {filled} of its {length} bytes.");
                }

                filled += read;
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is ObjectDisposedException or IOException)
        {
            // Azure.Core turns this into its network-timeout or caller-cancellation exception.
            throw new OperationCanceledException("The response body was not received in time.", ex, cancellationToken);
        }
        finally
        {
            registration.Dispose();
        }

        stream.Dispose();
        response.ContentStream = new MemoryStream(body, 0, body.Length, writable: false, publiclyVisible: true);
    }

    private static CancellationTokenRegistration Arm(CancellationToken cancellationToken, Stream stream) =>
        cancellationToken.CanBeCanceled ? cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream) : default;
}
