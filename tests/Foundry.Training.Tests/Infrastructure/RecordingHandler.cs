using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// An in-process HTTP handler that records the exact request line of every request (method and URI as it goes on the
/// wire) and answers with <see cref="Respond"/>: by default a 404 with a service error, so every client method sends
/// one request and fails with <c>RequestFailedException</c>. Clients use it through <c>new HttpClientTransport(new HttpClient(handler))</c>.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(string Method, Uri Uri)> _requests = new();

    /// <summary>Answers a request; the default is a 404 with a JSON error body.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => NotFound();

    /// <summary>The requests sent, oldest first.</summary>
    public IReadOnlyList<(string Method, Uri Uri)> Requests => _requests.ToList();

    public static HttpResponseMessage NotFound() =>
        new(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"code":"NotFound","message":"no such thing"}}""", Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue((request.Method.Method, request.RequestUri!));
        HttpResponseMessage response = Respond(request);
        response.RequestMessage = request;
        return response;
    }
}
