using System.Net;
using System.Net.Http.Headers;
using Foundry.Training.Benchmarks.Payloads;

namespace Foundry.Training.Benchmarks.Memory;

/// <summary>
/// A mocked transport that serves <c>GET /fine_tuning/jobs</c> pages of 100 jobs, generated for the <c>after</c>
/// cursor on each request, so a long listing costs the server side nothing that stays alive.
/// </summary>
public sealed class PagingHandler : HttpMessageHandler
{
    private readonly int _pages;

    public PagingHandler(int pages) => _pages = pages;

    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        string query = request.RequestUri!.Query;
        int at = query.IndexOf("after=ftjob-", StringComparison.Ordinal);
        int page = at < 0 ? 0 : (int.Parse(query.AsSpan(at + "after=ftjob-".Length, 7), provider: System.Globalization.CultureInfo.InvariantCulture) / 100) + 1;
        var content = new ByteArrayContent(FineTuningPayloads.PageUtf8(page * 100, 100, page < _pages - 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
