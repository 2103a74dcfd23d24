using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Security;

/// <summary>
/// One client of each kind shared by hundreds of concurrent callers — reads, three-page listings and creates, sync and
/// async, with every request failing once first (503, or 429 for a create without idempotency key) — and every caller gets exactly its own result: no
/// response, page or idempotency key crosses between callers, and each caller's retry is its own.
/// </summary>
public sealed class ClientConcurrencyTests : IDisposable
{
    private const int Callers = 300;

    private readonly MockService _service = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public ClientConcurrencyTests() =>
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Answer));

    public void Dispose() => _service.Dispose();

    /// <summary>
    /// Every distinct request (by method, URL and idempotency key) fails once, then gets an answer built from
    /// the request itself: the resource named in the path, or a page named after the caller's filter and cursor.
    /// </summary>
    private ResponseMessage Answer(IRequestMessage request)
    {
        string operationId = request.Headers!.TryGetValue("Operation-Id", out WireMockList<string>? ids) ? ids.Single() : string.Empty;
        if (_attempts.AddOrUpdate($"{request.Method} {request.Url} {operationId}", 1, (_, n) => n + 1) == 1)
        {
            // A POST without an idempotency key may only be resent after a 429 (refused before any work was done).
            int status = request.Method == "POST" && operationId.Length == 0 ? 429 : 503;
            return new ResponseMessage { StatusCode = status, Headers = new Dictionary<string, WireMockList<string>> { ["retry-after-ms"] = new("1") } };
        }

        string path = request.Path;
        string last = path[(path.LastIndexOf('/') + 1)..];
        string body = (request.Method, path) switch
        {
            ("POST", "/api/projects/p/training_jobs") => $$"""{"name":"{{System.Text.Json.JsonDocument.Parse(request.Body!).RootElement.GetProperty("name").GetString()}}","id":"{{operationId}}"}""",
            ("POST", "/openai/fine_tuning/jobs") => $$"""{"id":"ftjob-{{System.Text.Json.JsonDocument.Parse(request.Body!).RootElement.GetProperty("suffix").GetString()}}"}""",
            ("GET", "/api/projects/p/training_jobs") or ("GET", "/openai/fine_tuning/jobs") => Page(request),
            (_, var p) when p.StartsWith("/api/projects/p/training_jobs/", StringComparison.Ordinal) => $$"""{"name":"{{last}}"}""",
            _ => $$"""{"id":"{{last}}"}""",
        };
        return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String } };
    }

    /// <summary>Three pages of two items named after the caller (its tag or metadata filter) and the page.</summary>
    private static string Page(IRequestMessage request)
    {
        string caller = request.Query!.TryGetValue("tag", out WireMockList<string>? tag) ? tag.Single() : request.Query["metadata[caller]"].Single();
        int page = request.Query.TryGetValue("after", out WireMockList<string>? after) ? int.Parse(after.Single().Split('-')[^2], System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        string key = request.Path.Contains("openai", StringComparison.Ordinal) ? "id" : "name";
        return $$"""{"object":"list","data":[{"{{key}}":"{{caller}}-{{page}}-a"},{"{{key}}":"{{caller}}-{{page}}-b"}],"has_more":{{(page < 2 ? "true" : "false")}}}""";
    }

    private static IEnumerable<string> ExpectedPages(string caller) =>
        Enumerable.Range(0, 3).SelectMany(page => new[] { $"{caller}-{page}-a", $"{caller}-{page}-b" });

    private static T Options<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxRetries = 2;
        return options;
    }

    /// <summary>Runs every caller at once; every fifth is synchronous, on a thread of its own so blocking does not starve the pool.</summary>
    private static Task<string[]> RunAll(Func<int, bool, Task<string>> call) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(i => i % 5 == 0
            ? Task.Factory.StartNew(() => call(i, false).GetAwaiter().GetResult(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.Run(() => call(i, true))));

    [Fact]
    public async Task OneTrainingJobsClient_ServesHundredsOfConcurrentCallers()
    {
        var credential = new StaticTokenCredential("shared-token");
        var client = new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), credential, Options(new TrainingJobsClientOptions()));
        var properties = new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "image" };

        string[] results = await RunAll(async (i, async) => (i % 3) switch
        {
            0 => async ? (await client.GetAsync($"job-{i}")).Value.Name! : client.Get($"job-{i}").Value.Name!,
            1 => string.Join(",", async
                ? await client.GetJobsAsync(new TrainingJobListOptions { Tag = $"caller{i}" }).Select(j => j.Name).ToListAsync()
                : client.GetJobs(new TrainingJobListOptions { Tag = $"caller{i}" }).Select(j => j.Name)),
            _ => async ? (await client.CreateAsync($"new-{i}", properties)).Value.Name! : client.Create($"new-{i}", properties).Value.Name!,
        });

        for (int i = 0; i < Callers; i++)
        {
            results[i].Should().Be((i % 3) switch
            {
                0 => $"job-{i}",
                1 => string.Join(",", ExpectedPages($"caller{i}")),
                _ => $"new-{i}",
            });
        }

        var creates = _service.Requests.Where(r => r.RequestMessage.Method == "POST").ToList();
        creates.Should().HaveCount(2 * (Callers / 3), "each create fails once and is resent once");
        creates.GroupBy(r => r.RequestMessage.Headers!["Operation-Id"].Single()).Should().HaveCount(Callers / 3)
            .And.OnlyContain(g => g.Select(r => r.RequestMessage.Body).Distinct().Count() == 1, "a resent create carries its own key and body, no other caller's");
        credential.RequestedScopes.Should().ContainSingle("the token is fetched once and shared");
    }

    [Fact]
    public async Task OneFineTuningClient_ServesHundredsOfConcurrentCallers()
    {
        var client = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), Options(new FineTuningClientOptions()));
        FineTuningFilesClient files = client.GetFilesClient();

        string[] results = await RunAll(async (i, async) => (i % 4) switch
        {
            0 => async ? (await client.GetJobAsync($"ftjob-{i}")).Value.Id! : client.GetJob($"ftjob-{i}").Value.Id!,
            1 => async ? (await files.GetAsync($"file-{i}")).Value.Id! : files.Get($"file-{i}").Value.Id!,
            2 => string.Join(",", async
                ? await client.GetJobsAsync(Filter(i)).Select(j => j.Id).ToListAsync()
                : client.GetJobs(Filter(i)).Select(j => j.Id)),
            _ => async
                ? (await client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1") { Suffix = $"s{i}" })).Value.Id!
                : client.CreateJob(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1") { Suffix = $"s{i}" }).Value.Id!,
        });

        for (int i = 0; i < Callers; i++)
        {
            results[i].Should().Be((i % 4) switch
            {
                0 => $"ftjob-{i}",
                1 => $"file-{i}",
                2 => string.Join(",", ExpectedPages($"caller{i}")),
                _ => $"ftjob-s{i}",
            });
        }
    }

    private static FineTuningJobListOptions Filter(int caller)
    {
        var options = new FineTuningJobListOptions();
        options.Metadata["caller"] = $"caller{caller}";
        return options;
    }
}
