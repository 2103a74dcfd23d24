using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Benchmarks.Benchmarks;

/// <summary>
/// Throughput of a 1 GiB upload (<c>multipart/form-data</c> from a generated seekable stream) and a 1 GiB artifact
/// download (copied to <see cref="Stream.Null"/>) over loopback: the SDK vs raw <see cref="HttpClient"/> streaming.
/// Peak working set is measured by the separate harness (<c>memory</c> mode, see docs/performance.md).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StreamingBenchmarks
{
    public const long Size = StreamingSize.Bytes;
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private FineTuningFilesClient _files = null!;
    private TrainingJobsClient _trainingJobs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: Size);
        _http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        _files = FineTuningClient.ForOpenAI("benchmark-key", new FineTuningClientOptions { OpenAIEndpoint = new Uri(_server.BaseAddress, "/v1") }).GetFilesClient();
        _trainingJobs = new TrainingJobsClient(new Uri(_server.BaseAddress, "/api/projects/p"), new StaticTokenCredential());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Upload1GiB")]
    public async Task<long> Upload_Raw()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("fine-tune"), "purpose");
        var file = new StreamContent(new PatternStream(Size), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", "train.jsonl");
        using HttpResponseMessage response = await _http.PostAsync("/v1/files", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength ?? 0;
    }

    [Benchmark, BenchmarkCategory("Upload1GiB")]
    public async Task<string?> Upload_FoundryTraining()
    {
        using var stream = new PatternStream(Size);
        return (await _files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune).ConfigureAwait(false)).Value.Id;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Download1GiB")]
    public async Task<long> Download_Raw()
    {
        using HttpResponseMessage response = await _http.GetAsync("/api/projects/p/training_jobs/j/attempts/latest/artifacts/content?api-version=v1&path=model.safetensors", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using Stream content = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await CountAsync(content).ConfigureAwait(false);
    }

    [Benchmark, BenchmarkCategory("Download1GiB")]
    public async Task<long> Download_FoundryTraining()
    {
        Azure.Response<Stream> response = await _trainingJobs.DownloadArtifactAsync("j", TrainingJobsClient.LatestAttempt, "model.safetensors").ConfigureAwait(false);
        await using Stream content = response.Value;
        return await CountAsync(content).ConfigureAwait(false);
    }

    /// <summary>Reads a stream to its end through one 80 KiB buffer (what <see cref="Stream.CopyToAsync(Stream)"/> does), counting bytes.</summary>
    private static async Task<long> CountAsync(Stream content)
    {
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total == Size ? total : throw new InvalidOperationException($"Downloaded {total} bytes, expected {Size}.");
    }
}
