using System.ClientModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Foundry.Training.Benchmarks.Baseline;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.Benchmarks.Payloads;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using OpenAIFineTuningClient = OpenAI.FineTuning.FineTuningClient;
using OpenAIFineTuningClientOptions = OpenAI.FineTuning.FineTuningClientOptions;

namespace Foundry.Training.Benchmarks.Benchmarks;

/// <summary>
/// Whole calls against <see cref="LoopbackServer"/> on 127.0.0.1: the SDK vs OpenAI .NET vs raw <see cref="HttpClient"/>
/// with the source-generated floor models (<c>Baseline = true</c>). Every client uses its default transport and
/// keeps its connection alive; all calls are async.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndToEndBenchmarks
{
    private const int Gets = 1000;
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private FineTuningClient _fineTuning = null!;
    private TrainingJobsClient _trainingJobs = null!;
    private OpenAIFineTuningClient _openAI = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackServer(downloadBytes: 0);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        _fineTuning = FineTuningClient.ForOpenAI("benchmark-key", new FineTuningClientOptions { OpenAIEndpoint = new Uri(_server.BaseAddress, "/v1") });
        _trainingJobs = new TrainingJobsClient(new Uri(_server.BaseAddress, "/api/projects/p"), new StaticTokenCredential());
        _openAI = new OpenAIFineTuningClient(new ApiKeyCredential("benchmark-key"), new OpenAIFineTuningClientOptions { Endpoint = new Uri(_server.BaseAddress, "/v1") });

        // Every client must read every job, or the comparison means nothing.
        int expected = _server.FineTuningPages * LoopbackServer.PageSize;
        Require(ListFineTuning_Raw().Result == expected, "raw list");
        Require(ListFineTuning_FoundryTraining().Result == expected, "SDK list");
        Require(ListFineTuning_OpenAI().Result == expected, "OpenAI list");
        Require(ListTraining_Raw().Result == expected && ListTraining_FoundryTraining().Result == expected, "training job lists");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.Dispose();
    }

    // ---- list 10,000 fine-tuning jobs, 100 per page ------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("ListFineTuningJobs10k")]
    public async Task<int> ListFineTuning_Raw()
    {
        int count = 0;
        string? after = null;
        while (true)
        {
            string url = after is null ? "/v1/fine_tuning/jobs?limit=100" : "/v1/fine_tuning/jobs?limit=100&after=" + Uri.EscapeDataString(after);
            using HttpResponseMessage response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            FloorFineTuningPage page = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorFineTuningPage).ConfigureAwait(false))!;
            count += page.Data.Count;
            if (!page.HasMore || page.Data.Count == 0)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
    }

    [Benchmark, BenchmarkCategory("ListFineTuningJobs10k")]
    public async Task<int> ListFineTuning_FoundryTraining()
    {
        int count = 0;
        await foreach (FineTuningJob job in _fineTuning.GetJobsAsync(new FineTuningJobListOptions { Limit = 100 }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("ListFineTuningJobs10k")]
    public async Task<int> ListFineTuning_OpenAI()
    {
        int count = 0;
        await foreach (OpenAI.FineTuning.FineTuningJob job in _openAI.GetJobsAsync(new OpenAI.FineTuning.FineTuningJobCollectionOptions { PageSize = 100 }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    // ---- get one fine-tuning job 1,000 times --------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("GetFineTuningJob1000")]
    public async Task<int> GetFineTuning_Raw()
    {
        int found = 0;
        for (int i = 0; i < Gets; i++)
        {
            using HttpResponseMessage response = await _http.GetAsync("/v1/fine_tuning/jobs/ftjob-0000007", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            FloorFineTuningJob job = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorFineTuningJob).ConfigureAwait(false))!;
            found += job.Id is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark, BenchmarkCategory("GetFineTuningJob1000")]
    public async Task<int> GetFineTuning_FoundryTraining()
    {
        int found = 0;
        for (int i = 0; i < Gets; i++)
        {
            FineTuningJob job = (await _fineTuning.GetJobAsync("ftjob-0000007").ConfigureAwait(false)).Value;
            found += job.Id is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark, BenchmarkCategory("GetFineTuningJob1000")]
    public async Task<int> GetFineTuning_OpenAI()
    {
        int found = 0;
        for (int i = 0; i < Gets; i++)
        {
            OpenAI.FineTuning.FineTuningJob job = await _openAI.GetJobAsync("ftjob-0000007").ConfigureAwait(false);
            found += job.JobId is null ? 0 : 1;
        }

        return found;
    }

    // ---- list 10,000 Foundry GRPO jobs (no OpenAI .NET counterpart) -------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("ListTrainingJobs10k")]
    public async Task<int> ListTraining_Raw()
    {
        int count = 0;
        string? after = null;
        while (true)
        {
            string url = after is null ? "/api/projects/p/training_jobs?api-version=v1&limit=100" : "/api/projects/p/training_jobs?api-version=v1&limit=100&after=" + Uri.EscapeDataString(after);
            using HttpResponseMessage response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            FloorTrainingJobPage page = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorTrainingJobPage).ConfigureAwait(false))!;
            count += page.Data.Count;
            if (!page.HasMore || page.Data.Count == 0)
            {
                return count;
            }

            after = page.LastId;
        }
    }

    [Benchmark, BenchmarkCategory("ListTrainingJobs10k")]
    public async Task<int> ListTraining_FoundryTraining()
    {
        int count = 0;
        await foreach (TrainingJob job in _trainingJobs.GetJobsAsync(new TrainingJobListOptions { Limit = 100 }).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    // ---- get one Foundry GRPO job 1,000 times ------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("GetTrainingJob1000")]
    public async Task<int> GetTraining_Raw()
    {
        int found = 0;
        for (int i = 0; i < Gets; i++)
        {
            using HttpResponseMessage response = await _http.GetAsync("/api/projects/p/training_jobs/" + FoundryPayloads.JobName(7) + "?api-version=v1", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            FloorTrainingJob job = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorTrainingJob).ConfigureAwait(false))!;
            found += job.Name is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark, BenchmarkCategory("GetTrainingJob1000")]
    public async Task<int> GetTraining_FoundryTraining()
    {
        int found = 0;
        for (int i = 0; i < Gets; i++)
        {
            TrainingJob job = (await _trainingJobs.GetAsync(FoundryPayloads.JobName(7)).ConfigureAwait(false)).Value;
            found += job.Name is null ? 0 : 1;
        }

        return found;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("End-to-end check failed: " + what);
        }
    }
}
