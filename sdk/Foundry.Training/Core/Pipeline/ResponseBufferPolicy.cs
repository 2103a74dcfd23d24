using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Reads every buffered response body into memory, never more than
/// <see cref="IResponseBufferOptions.MaxResponseContentBufferSize"/> and never more than the server has sent.
/// <list type="bullet">
/// <item>A body whose <c>Content-Length</c> is at most <see cref="LargestUpFrontBuffer"/> goes into one array of exactly
/// that size. Azure.Core's own buffering copies into a growing <see cref="MemoryStream"/>: about twice the body in
/// allocations, most of it on the large object heap for list pages (a page of 100 training jobs is ~300 KB).</item>
/// <item>A larger body, or one without a length, goes into an array that doubles as bytes arrive (up to the declared
/// length, which it then fills exactly): a server that declares 250 MB and sends 100 bytes costs 1 MB, not 250.</item>
/// <item>A body that declares or sends more than the maximum fails with a <see cref="RequestFailedException"/>
/// (<c>ResponseTooLarge</c>, not retried). An error response's body is cut at the maximum instead: its status still
/// decides retries and the error reported.</item>
/// </list>
/// Placed right before the transport, so it runs inside the retry loop (a body cut short is retried like any other
/// network failure) and under the network timeout Azure.Core sets for the call; Azure.Core leaves the seekable stream
/// it produces alone (and so never buffers a body itself). Streamed responses (<see cref="HttpMessage.BufferResponse"/>
/// false) are not read here.
/// </summary>
internal sealed class ResponseBufferPolicy : HttpPipelinePolicy
{
    /// <summary>The default of <see cref="IResponseBufferOptions.MaxResponseContentBufferSize"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseContentBufferSize = 64L * 1024 * 1024;

    /// <summary>The most allocated on the strength of a <c>Content-Length</c> alone, before any byte has arrived.</summary>
    internal const int LargestUpFrontBuffer = 1024 * 1024;

    private const int FirstUnknownLengthBuffer = 16 * 1024;
    private const int LargestArray = 0x7FFFFFC7; // Array.MaxLength, which netstandard2.0 lacks

    private readonly IResponseBufferOptions _options;

    /// <param name="options">Read on every response, so a later change to the client options counts.</param>
    public ResponseBufferPolicy(IResponseBufferOptions options)
    {
        _options = options;
    }

    /// <summary>Checks a value for <see cref="IResponseBufferOptions.MaxResponseContentBufferSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="int.MaxValue"/>.</exception>
    public static long CheckLimit(long value, string name)
    {
        if (value < 1 || value > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value must be between 1 and {int.MaxValue}.");
        }

        return value;
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
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
        if (stream is null || stream.CanSeek)
        {
            return;
        }

        long limit = _options.MaxResponseContentBufferSize;
        bool cutAtLimit = response.IsError;
        long? declared = DeclaredLength(response);
        if (declared > limit)
        {
            if (!cutAtLimit)
            {
                stream.Dispose();
                throw TooLarge(response, declared, limit);
            }

            declared = null;
        }

        // The most the buffer may grow to: the declared length, else the limit.
        int capacity = (int)Math.Min(declared ?? limit, LargestArray);
        byte[] body = capacity == 0 ? Array.Empty<byte>() : new byte[Math.Min(capacity, declared is null ? FirstUnknownLengthBuffer : LargestUpFrontBuffer)];
        int filled = 0;
        bool overLimit = false;
        CancellationToken cancellationToken = message.CancellationToken;

        // A read that has to wait may not observe the token (a synchronous one never does): the stream is then disposed
        // on cancellation, as Azure.Core does. The callback is only armed once a read has to wait: a small body is
        // usually in the transport's buffer already, and arming it costs more than reading it.
        CancellationTokenRegistration registration = default;
        bool armed = false;
        try
        {
            while (true)
            {
                if (filled == body.Length)
                {
                    if (filled == capacity)
                    {
                        if (declared is null && !cutAtLimit)
                        {
                            // A body without a length that filled the limit: one more byte puts it over.
                            if (!armed)
                            {
                                registration = Arm(cancellationToken, stream);
                                armed = true;
                            }

                            byte[] probe = new byte[1];
                            overLimit = (async ? await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false) : stream.Read(probe, 0, 1)) > 0;
                        }

                        break;
                    }

                    body = Grow(body, filled, capacity);
                }

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
                    if (declared is long length)
                    {
                        throw new IOException($"The response body ended after {filled} of its {length} bytes.");
                    }

                    break;
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
        if (overLimit)
        {
            throw TooLarge(response, null, limit);
        }

        response.ContentStream = new MemoryStream(body, 0, filled, writable: false, publiclyVisible: true);
    }

    /// <summary>The <c>Content-Length</c>, or null when absent or unreadable (Azure.Core's <c>ContentLength</c> throws past 2 GB).</summary>
    private static long? DeclaredLength(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ContentLength, out string? value) &&
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long length)
            ? length
            : null;

    /// <summary>Doubles the buffer (at least to the first unknown-length size), never past <paramref name="capacity"/>.</summary>
    private static byte[] Grow(byte[] body, int filled, int capacity)
    {
        byte[] grown = new byte[(int)Math.Min(capacity, Math.Max(body.Length * 2L, FirstUnknownLengthBuffer))];
        Buffer.BlockCopy(body, 0, grown, 0, filled);
        return grown;
    }

    private static RequestFailedException TooLarge(Response response, long? declared, long limit) =>
        ServiceFailure.Create(
            response,
            (declared is long length ? $"The response body declares {length} bytes, more than" : "The response body is longer than") +
            $" the {limit} bytes a response may buffer in memory (MaxResponseContentBufferSize in the client options); nothing was read into memory past that.",
            "ResponseTooLarge",
            null);

    private static CancellationTokenRegistration Arm(CancellationToken cancellationToken, Stream stream) =>
        cancellationToken.CanBeCanceled ? cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream) : default;
}
