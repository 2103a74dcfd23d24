using System.Net;
using System.Net.Http.Headers;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// The mocked transport every client shares in the per-call benchmarks: an <see cref="HttpMessageHandler"/> that
/// answers every request with the same small JSON body, so what is measured is each client's own pipeline.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public CannedHandler(string body) => _body = System.Text.Encoding.UTF8.GetBytes(body);

    public int Requests { get; private set; }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}
