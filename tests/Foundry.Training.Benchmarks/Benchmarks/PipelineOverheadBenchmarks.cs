using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Core.Pipeline;
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
/// Per-call cost of each client's pipeline over a mocked transport (<see cref="CannedHandler"/>, shared by all):
/// request building, policies (auth, retry, telemetry, logging), response buffering and a small body. The
/// <c>Allocated</c> column is the allocation per call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineOverheadBenchmarks
{
    private HttpClient _http = null!;
    private FineTuningClient _fineTuning = null!;
    private OpenAIFineTuningClient _openAI = null!;
    private HttpClient _trainingHttp = null!;
    private TrainingJobsClient _trainingJobs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fineTuningHandler = new CannedHandler(FineTuningPayloads.SmallJob);
        _http = new HttpClient(fineTuningHandler) { BaseAddress = new Uri("https://api.example.test/v1/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        _fineTuning = FineTuningClient.ForOpenAI("benchmark-key", new FineTuningClientOptions
        {
            OpenAIEndpoint = new Uri("https://api.example.test/v1"),
            Transport = new HttpClientTransport(new HttpClient(fineTuningHandler)),
        });
        _openAI = new OpenAIFineTuningClient(new ApiKeyCredential("benchmark-key"), new OpenAIFineTuningClientOptions
        {
            Endpoint = new Uri("https://api.example.test/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(fineTuningHandler)),
        });

        var trainingHandler = new CannedHandler(FoundryPayloads.SmallJob);
        _trainingHttp = new HttpClient(trainingHandler) { BaseAddress = new Uri("https://contoso.services.ai.azure.com/api/projects/p/") };
        _trainingHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-token");
        _trainingJobs = new TrainingJobsClient(new Uri("https://contoso.services.ai.azure.com/api/projects/p"), new StaticTokenCredential(), new TrainingJobsClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(trainingHandler)),
        });
    }

    [Benchmark(Baseline = true), BenchmarkCategory("GetFineTuningJob")]
    public async Task<string?> FineTuning_Raw()
    {
        using HttpResponseMessage response = await _http.GetAsync("fine_tuning/jobs/ftjob-small").ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorFineTuningJob).ConfigureAwait(false))!.Id;
    }

    [Benchmark, BenchmarkCategory("GetFineTuningJob")]
    public async Task<string?> FineTuning_FoundryTraining() => (await _fineTuning.GetJobAsync("ftjob-small").ConfigureAwait(false)).Value.Id;

    [Benchmark, BenchmarkCategory("GetFineTuningJob")]
    public async Task<string?> FineTuning_OpenAI() => (await _openAI.GetJobAsync("ftjob-small").ConfigureAwait(false)).JobId;

    [Benchmark(Baseline = true), BenchmarkCategory("GetTrainingJob")]
    public async Task<string?> Training_Raw()
    {
        using HttpResponseMessage response = await _trainingHttp.GetAsync("training_jobs/small?api-version=v1").ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorTrainingJob).ConfigureAwait(false))!.Name;
    }

    [Benchmark, BenchmarkCategory("GetTrainingJob")]
    public async Task<string> Training_FoundryTraining() => (await _trainingJobs.GetAsync("small").ConfigureAwait(false)).Value.Name;
}
