using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// Iterating a long listing holds at most one page: once the first item of page N is handed out, nothing keeps the
/// items or the responses of earlier pages alive. Checked with weak references and forced collections (no timing).
/// </summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class PagingMemoryTests
{
    private const int PageSize = 100;

    [Fact]
    public async Task AsyncItems_100000Items_EarlierPagesAreCollectable()
    {
        const int Pages = 1000;
        var handler = new GeneratedPagesHandler(Pages);
        FineTuningClient client = CreateClient(handler);
        var firstItems = new List<WeakReference>();
        long items = 0;

        await foreach (FineTuningJob job in client.GetJobsAsync(new FineTuningJobListOptions { Limit = PageSize }))
        {
            if (items++ % PageSize == 0)
            {
                int page = firstItems.Count;
                firstItems.Add(Track(job));
                if (page % 50 == 0 || page == Pages - 1)
                {
                    AssertCollected(firstItems.Take(page), $"items of pages before page {page}");
                }
            }
        }

        items.Should().Be(Pages * PageSize);
        handler.Requests.Should().Be(Pages);
    }

    [Fact]
    public async Task AsyncPages_EarlierPagesAndTheirResponsesAreCollectable()
    {
        const int Pages = 30;
        FineTuningClient client = CreateClient(new GeneratedPagesHandler(Pages));
        var pages = new List<WeakReference>();
        var responses = new List<WeakReference>();

        await foreach (Page<FineTuningJob> page in client.GetJobsAsync(new FineTuningJobListOptions { Limit = PageSize }).AsPages())
        {
            int index = pages.Count;
            pages.Add(Track(page));
            responses.Add(Track(page.GetRawResponse()));
            AssertCollected(pages.Take(index), $"pages before page {index}");
            AssertCollected(responses.Take(index), $"responses before page {index}");
        }

        pages.Should().HaveCount(Pages);
    }

    [Fact]
    public void SyncItems_EarlierPagesAreCollectable()
    {
        const int Pages = 30;
        FineTuningClient client = CreateClient(new GeneratedPagesHandler(Pages));
        var firstItems = new List<WeakReference>();
        long items = 0;

        foreach (FineTuningJob job in client.GetJobs(new FineTuningJobListOptions { Limit = PageSize }))
        {
            if (items++ % PageSize == 0)
            {
                int page = firstItems.Count;
                firstItems.Add(Track(job));
                AssertCollected(firstItems.Take(page), $"items of pages before page {page}");
            }
        }

        items.Should().Be(Pages * PageSize);
    }

    private static FineTuningClient CreateClient(GeneratedPagesHandler handler) =>
        FineTuningClient.ForOpenAI("key", new FineTuningClientOptions
        {
            OpenAIEndpoint = new Uri("https://api.example.test/v1"),
            Transport = new HttpClientTransport(new HttpClient(handler)),
        });

    // Not inlined, so no hidden local of the caller keeps the object reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Track(object value) => new(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AssertCollected(IEnumerable<WeakReference> references, string what)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        references.Where(r => r.IsAlive).Should().BeEmpty("{0} must not be held once the next page is read", what);
    }

    /// <summary>Serves <c>GET /fine_tuning/jobs</c> pages generated from the <c>after</c> cursor; keeps nothing it sent.</summary>
    private sealed class GeneratedPagesHandler : HttpMessageHandler
    {
        private readonly int _pages;

        public GeneratedPagesHandler(int pages) => _pages = pages;

        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            string query = request.RequestUri!.Query;
            int at = query.IndexOf("after=ftjob-", StringComparison.Ordinal);
            int page = at < 0 ? 0 : (int.Parse(query.AsSpan(at + "after=ftjob-".Length, 7), provider: CultureInfo.InvariantCulture) / PageSize) + 1;
            var body = new StringBuilder("""{"object":"list","data":[""");
            for (int i = 0; i < PageSize; i++)
            {
                int id = (page * PageSize) + i;
                body.Append(i == 0 ? string.Empty : ",")
                    .Append(CultureInfo.InvariantCulture, $$"""{"object":"fine_tuning.job","id":"ftjob-{{id:D7}}","status":"succeeded","model":"gpt-4o-mini","created_at":1721764800}""");
            }

            body.Append("],\"has_more\":").Append(page < _pages - 1 ? "true" : "false").Append('}');
            var content = new StringContent(body.ToString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}
