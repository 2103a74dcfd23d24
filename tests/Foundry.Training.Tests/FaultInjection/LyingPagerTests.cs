using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// List services whose <c>has_more</c> (or next link) lies, for every list of both clients: empty pages that claim
/// more, a cursor that does not move, a cursor that cycles (A, B, A, ...), and a service that always has more. A
/// listing ends after the pages it can honestly follow, and an endless one ends when the caller cancels — it never
/// loops forever. (A page of the wrong shape fails clearly: see <see cref="MalformedBodyTests"/>.) The service cancels
/// the caller's token after twenty pages, so a listing that would loop ends the test instead of hanging it.
/// </summary>
public sealed class LyingPagerTests : IDisposable
{
    private const int HangBreakerPages = 20;

    private readonly MockService _service = new();
    private readonly FaultClients _clients;
    private readonly CancellationTokenSource _cancellation = new();
    private int _requests;

    public LyingPagerTests() => _clients = new FaultClients(_service.Endpoint);

    public void Dispose()
    {
        _service.Dispose();
        _cancellation.Dispose();
    }

    private enum Envelope
    {
        Foundry,
        OpenAI,
        NextLink,
    }

    private sealed record ListTarget(string Name, string Path, string IdProperty, Envelope Envelope, Func<FaultClients, CancellationToken, IAsyncEnumerable<string?>> ReadAsync, Func<FaultClients, CancellationToken, IEnumerable<string?>> Read);

    private static readonly ListTarget[] s_lists =
    {
        new("TrainingJobsClient.GetJobs", "/api/projects/p/training_jobs", "name", Envelope.Foundry,
            (c, ct) => c.Jobs.GetJobsAsync(cancellationToken: ct).Select(j => j.Name), (c, ct) => c.Jobs.GetJobs(cancellationToken: ct).Select(j => j.Name)),
        new("FineTuningClient.GetJobs", "/openai/fine_tuning/jobs", "id", Envelope.OpenAI,
            (c, ct) => c.FineTuning.GetJobsAsync(cancellationToken: ct).Select(j => j.Id), (c, ct) => c.FineTuning.GetJobs(cancellationToken: ct).Select(j => j.Id)),
        new("FineTuningFilesClient.GetFiles", "/openai/files", "id", Envelope.OpenAI,
            (c, ct) => c.Files.GetFilesAsync(cancellationToken: ct).Select(f => f.Id), (c, ct) => c.Files.GetFiles(cancellationToken: ct).Select(f => f.Id)),
        new("IngestionJobsClient.GetJobs", "/openai/ingestion/jobs", "jobId", Envelope.NextLink,
            (c, ct) => c.Ingestion.GetJobsAsync(cancellationToken: ct).Select(j => j.JobId), (c, ct) => c.Ingestion.GetJobs(cancellationToken: ct).Select(j => j.JobId)),
    };

    public static TheoryData<string, bool> ListsSyncAndAsync
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (ListTarget list in s_lists)
            {
                data.Add(list.Name, true);
                data.Add(list.Name, false);
            }

            return data;
        }
    }

    /// <summary>
    /// Serves <paramref name="list"/>: <paramref name="page"/> maps the position a request asks for (null for the
    /// first page; the <c>after</c> cursor or the next link's <c>page</c>) to the page's items and the position it
    /// claims comes next (null: no more). Cursors are the last item's id, as every list of both clients uses them.
    /// </summary>
    private void Serve(ListTarget list, Func<string?, (string[] Items, string? Next)> page)
    {
        _service.Server.Given(Request.Create().WithPath(list.Path).UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            if (Interlocked.Increment(ref _requests) == HangBreakerPages)
            {
                _cancellation.Cancel();
            }

            string? position = request.Query is { } query && query.TryGetValue(list.Envelope == Envelope.NextLink ? "page" : "after", out WireMockList<string>? values) ? values.Single() : null;
            (string[] items, string? next) = page(position);
            string data = "[" + string.Join(",", items.Select(id => $$"""{"{{list.IdProperty}}":"{{id}}"}""")) + "]";
            string body = list.Envelope switch
            {
                Envelope.Foundry => $$"""{"data":{{data}},"has_more":{{(next is null ? "false" : "true")}}{{(next is null ? "" : $",\"last_id\":\"{next}\"")}}}""",
                Envelope.OpenAI => $$"""{"object":"list","data":{{data}},"has_more":{{(next is null ? "false" : "true")}}}""",
                _ => $$"""{"value":{{data}}{{(next is null ? "" : $",\"nextLink\":\"{new Uri(_service.Endpoint, list.Path.TrimStart('/') + "?page=" + next).AbsoluteUri}\"")}}}""",
            };
            return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String } };
        }));
    }

    private async Task<List<string?>> ReadAll(ListTarget list, bool async)
    {
        if (async)
        {
            var items = new List<string?>();
            await foreach (string? id in list.ReadAsync(_clients, _cancellation.Token))
            {
                items.Add(id);
            }

            return items;
        }

        return await Task.Run(() => list.Read(_clients, _cancellation.Token).ToList());
    }

    [Theory]
    [MemberData(nameof(ListsSyncAndAsync))]
    public async Task EmptyPagesThatClaimMore_EndTheListing(string name, bool async)
    {
        ListTarget list = s_lists.Single(l => l.Name == name);
        Serve(list, position => position is null ? (new[] { "a", "b" }, "b") : (Array.Empty<string>(), "b-more"));

        (await ReadAll(list, async)).Should().Equal("a", "b");

        // Cursor lists end on the empty page (nothing to continue after). A next link after an empty page is followed
        // (a {value,nextLink} service may page through empty pages), until it repeats.
        _requests.Should().Be(name.StartsWith("IngestionJobsClient", StringComparison.Ordinal) ? 3 : 2);
    }

    [Theory]
    [MemberData(nameof(ListsSyncAndAsync))]
    public async Task ACursorThatDoesNotMove_EndsTheListing(string name, bool async)
    {
        ListTarget list = s_lists.Single(l => l.Name == name);
        Serve(list, _ => (new[] { "a", "b" }, "b"));

        // The page behind the stuck cursor was read once more before the cursor was seen to repeat.
        (await ReadAll(list, async)).Should().Equal("a", "b", "a", "b");
        _requests.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(ListsSyncAndAsync))]
    public async Task ACursorThatCycles_EndsTheListing(string name, bool async)
    {
        ListTarget list = s_lists.Single(l => l.Name == name);
        Serve(list, position => position switch
        {
            null => (new[] { "a" }, "a"),
            "a" => (new[] { "b" }, "b"),
            _ => (new[] { "a" }, "a"), // back to a cursor already followed
        });

        (await ReadAll(list, async)).Should().Equal("a", "b", "a");
        _requests.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(ListsSyncAndAsync))]
    public async Task AServiceThatAlwaysHasMore_IsBoundedByTheCallersCancellation(string name, bool async)
    {
        ListTarget list = s_lists.Single(l => l.Name == name);
        Serve(list, position =>
        {
            string next = "item-" + (position is null ? 1 : int.Parse(position.Substring("item-".Length), System.Globalization.CultureInfo.InvariantCulture) + 1);
            return (new[] { next }, next);
        });

        Func<Task> read = () => ReadAll(list, async);

        await read.Should().ThrowAsync<OperationCanceledException>();
        _requests.Should().Be(HangBreakerPages);
    }
}
