using System.Net;
using System.Net.Http.Headers;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// An in-process HTTP handler that answers every request with the status and body of <see cref="Next"/>, for tests
/// that send thousands of requests (property tests). Clients use it through <c>new HttpClientTransport(handler)</c>,
/// so everything above the socket (Azure.Core pipeline, buffering, error mapping) is real.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    /// <summary>The status, body and content type of the next responses.</summary>
    public (int Status, byte[] Body, string ContentType) Next { get; set; } = (200, "{}"u8.ToArray(), "application/json");

    /// <summary>How many requests were answered.</summary>
    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var content = new ByteArrayContent(Next.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Next.ContentType);
        return new HttpResponseMessage((HttpStatusCode)Next.Status) { Content = content, RequestMessage = request };
    }
}
