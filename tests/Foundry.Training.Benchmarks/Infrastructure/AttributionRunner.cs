using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Foundry.Training.Benchmarks.Baseline;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// <c>attribution get|get-foundry|download|wrapper [rounds]</c>: where the end-to-end time goes, by variants of one call measured in
/// interleaved rounds against the first (raw <see cref="HttpClient"/>): a bare Azure.Core pipeline, the SDK with parts of
/// Azure.Core's pipeline turned off, and for downloads the cost of a per-read timeout wrapper on its own.
/// </summary>
public static class AttributionRunner
{
    private const string JobPath = "/v1/fine_tuning/jobs/ftjob-0000007";
    private const string ArtifactPath = "/api/projects/p/training_jobs/j/attempts/latest/artifacts/content?api-version=v1&path=model.safetensors";

    public static int Run(string what, int rounds) => what switch
    {
        "get" => Gets(rounds),
        "get-foundry" => FoundryGets(rounds),
        "download" => Downloads(rounds),
        "wrapper" => Wrappers(rounds),
        _ => throw new ArgumentException("attribution get|get-foundry|download|wrapper [rounds]", nameof(what)),
    };

    /// <summary>One fine-tuning job, 500 gets per round.</summary>
    private static int Gets(int rounds)
    {
        using var server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: 0);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        Uri v1 = new(server.BaseAddress, "/v1");
        Uri jobUri = new(server.BaseAddress, JobPath);
        FineTuningClient Sdk(Action<FineTuningClientOptions>? configure = null)
        {
            var options = new FineTuningClientOptions { OpenAIEndpoint = v1 };
            configure?.Invoke(options);
            return FineTuningClient.ForOpenAI("benchmark-key", options);
        }

        FineTuningClient sdk = Sdk();
        FineTuningClient quiet = Sdk(o =>
        {
            o.Diagnostics.IsLoggingEnabled = false;
            o.Diagnostics.IsDistributedTracingEnabled = false;
            o.Diagnostics.IsTelemetryEnabled = false;
        });
        FineTuningClient noTimeout = Sdk(o => o.Retry.NetworkTimeout = Timeout.InfiniteTimeSpan);
        FineTuningClient plainTransport = Sdk(o => o.Transport = new HttpClientTransport(new HttpClient()));
        HttpPipeline bare = HttpPipelineBuilder.Build(new BareOptions());
        HttpPipeline bareWithLevels = HttpPipelineBuilder.Build(new BareOptions(), new AsyncLevel(), new AsyncLevel(), new AsyncLevel());

        async Task BareGet(HttpPipeline pipeline)
        {
            using HttpMessage message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(jobUri);
            message.Request.Headers.SetValue("Authorization", "Bearer benchmark-key");
            await pipeline.SendAsync(message, default).ConfigureAwait(false);
            _ = JsonSerializer.Deserialize(message.Response.Content.ToMemory().Span, FloorJsonContext.Default.FloorFineTuningJob)!.Id;
        }

        return Measure(rounds, 500, new (string, Func<Task>)[]
        {
            ("raw HttpClient (ResponseHeadersRead, ReadFromJsonAsync)", async () =>
            {
                using HttpResponseMessage response = await http.GetAsync(JobPath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorFineTuningJob).ConfigureAwait(false))!.Id;
            }),
            ("raw HttpClient, body buffered, read from bytes", async () =>
            {
                using HttpResponseMessage response = await http.GetAsync(JobPath).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), FloorJsonContext.Default.FloorFineTuningJob)!.Id;
            }),
            ("bare Azure.Core pipeline (defaults) + floor model", () => BareGet(bare)),
            ("  the same with 3 pass-through async policies", () => BareGet(bareWithLevels)),
            ("Foundry.Training", async () => _ = (await sdk.GetJobAsync("ftjob-0000007").ConfigureAwait(false)).Value.Id),
            ("  without logging, tracing, telemetry", async () => _ = (await quiet.GetJobAsync("ftjob-0000007").ConfigureAwait(false)).Value.Id),
            ("  without network timeout", async () => _ = (await noTimeout.GetJobAsync("ftjob-0000007").ConfigureAwait(false)).Value.Id),
            ("  over a plain HttpClient transport", async () => _ = (await plainTransport.GetJobAsync("ftjob-0000007").ConfigureAwait(false)).Value.Id),
        });
    }

    /// <summary>One Foundry GRPO job (~3 KB), 500 gets per round: the same split for the bearer-token client.</summary>
    private static int FoundryGets(int rounds)
    {
        using var server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: 0);
        string jobPath = "/api/projects/p/training_jobs/" + Payloads.FoundryPayloads.JobName(7) + "?api-version=v1";
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-token");
        Uri project = new(server.BaseAddress, "/api/projects/p");
        Uri jobUri = new(server.BaseAddress, jobPath);
        TrainingJobsClient Sdk(Action<TrainingJobsClientOptions>? configure = null)
        {
            var options = new TrainingJobsClientOptions();
            configure?.Invoke(options);
            return new TrainingJobsClient(project, new StaticTokenCredential(), options);
        }

        TrainingJobsClient sdk = Sdk();
        TrainingJobsClient quiet = Sdk(o =>
        {
            o.Diagnostics.IsLoggingEnabled = false;
            o.Diagnostics.IsDistributedTracingEnabled = false;
            o.Diagnostics.IsTelemetryEnabled = false;
        });
        HttpPipeline bare = HttpPipelineBuilder.Build(new BareOptions());
        string name = Payloads.FoundryPayloads.JobName(7);

        async Task<ReadOnlyMemory<byte>> BareGet()
        {
            using HttpMessage message = bare.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(jobUri);
            message.Request.Headers.SetValue("Authorization", "Bearer benchmark-token");
            await bare.SendAsync(message, default).ConfigureAwait(false);
            return message.Response.Content.ToMemory();
        }

        return Measure(rounds, 500, new (string, Func<Task>)[]
        {
            ("raw HttpClient (ResponseHeadersRead, ReadFromJsonAsync)", async () =>
            {
                using HttpResponseMessage response = await http.GetAsync(jobPath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorTrainingJob).ConfigureAwait(false))!.Name;
            }),
            ("raw HttpClient, body buffered, read from bytes", async () =>
            {
                using HttpResponseMessage response = await http.GetAsync(jobPath).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), FloorJsonContext.Default.FloorTrainingJob)!.Name;
            }),
            ("bare Azure.Core pipeline (defaults) + floor model", async () =>
                _ = JsonSerializer.Deserialize((await BareGet().ConfigureAwait(false)).Span, FloorJsonContext.Default.FloorTrainingJob)!.Name),
            ("bare Azure.Core pipeline (defaults) + SDK model", async () =>
                _ = ModelSerialization.Deserialize<TrainingJob>((await BareGet().ConfigureAwait(false)).Span, ModelSerialization.Options)!.Name),
            ("Foundry.Training", async () => _ = (await sdk.GetAsync(name).ConfigureAwait(false)).Value.Name),
            ("  reading the training recipe too (parsed on first read)", async () => _ = ((CommandJob)(await sdk.GetAsync(name).ConfigureAwait(false)).Value.Properties).Training!.Model),
            ("  without logging, tracing, telemetry", async () => _ = (await quiet.GetAsync(name).ConfigureAwait(false)).Value.Name),
        });
    }

    /// <summary>The 1 GiB artifact: raw streaming, the SDK, the SDK without Azure.Core's per-read timeout stream.</summary>
    private static int Downloads(int rounds)
    {
        using var server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: StreamingSize.Bytes);
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        Uri project = new(server.BaseAddress, "/api/projects/p");
        var sdk = new TrainingJobsClient(project, new StaticTokenCredential());
        var options = new TrainingJobsClientOptions();
        options.AddPolicy(new NoNetworkTimeout(), HttpPipelinePosition.PerCall);
        var noTimeout = new TrainingJobsClient(project, new StaticTokenCredential(), options);

        async Task Sdk(TrainingJobsClient client)
        {
            Azure.Response<Stream> response = await client.DownloadArtifactAsync("j", TrainingJobsClient.LatestAttempt, "model.safetensors").ConfigureAwait(false);
            await using Stream content = response.Value;
            await CountAsync(content).ConfigureAwait(false);
        }

        return Measure(rounds, 1, new (string, Func<Task>)[]
        {
            ("raw HttpClient streaming", () => RawDownload(http, s => s)),
            ("Foundry.Training", () => Sdk(sdk)),
            ("  without network timeout (no ReadTimeoutStream)", () => Sdk(noTimeout)),
        });
    }

    /// <summary>The 1 GiB artifact over raw <see cref="HttpClient"/>, bare and inside two kinds of read-timeout wrapper.</summary>
    private static int Wrappers(int rounds)
    {
        using var server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: StreamingSize.Bytes);
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        TimeSpan timeout = TimeSpan.FromSeconds(100);
        return Measure(rounds, 1, new (string, Func<Task>)[]
        {
            ("no wrapper", () => RawDownload(http, s => s)),
            ("timer re-armed around every read (as Azure.Core)", () => RawDownload(http, s => new RearmedTimeoutStream(s, timeout))),
            ("one timer checking read start times", () => RawDownload(http, s => new WatchdogTimeoutStream(s, timeout))),
        });
    }

    private static async Task RawDownload(HttpClient http, Func<Stream, Stream> wrap)
    {
        using HttpResponseMessage response = await http.GetAsync(ArtifactPath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using Stream content = wrap(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
        await CountAsync(content).ConfigureAwait(false);
    }

    private static async Task CountAsync(Stream content)
    {
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total != StreamingSize.Bytes)
        {
            throw new InvalidOperationException($"Downloaded {total} bytes, expected {StreamingSize.Bytes}.");
        }
    }

    private static int Measure(int rounds, int callsPerRound, (string Name, Func<Task> Call)[] cases)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach ((_, Func<Task> call) in cases)
            {
                call().GetAwaiter().GetResult();
            }
        }

        var times = cases.Select(_ => new double[rounds]).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                for (int call = 0; call < callsPerRound; call++)
                {
                    cases[i].Call().GetAwaiter().GetResult();
                }

                times[i][round] = clock.Elapsed.TotalMicroseconds / callsPerRound;
            }
        }

        Console.WriteLine($"| variant | fastest of {rounds} rounds | median round | ratio of fastest | median paired ratio (p25–p75) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int i = 0; i < cases.Length; i++)
        {
            double[] ratios = times[i].Select((t, round) => t / times[0][round]).Order().ToArray();
            double[] sorted = times[i].Order().ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {cases[i].Name} | {Format(sorted[0])} | {Format(sorted[rounds / 2])} | {sorted[0] / times[0].Min():F2} | {ratios[rounds / 2]:F2} ({ratios[rounds / 4]:F2}–{ratios[3 * rounds / 4]:F2}) |"));
        }

        return 0;
    }

    private static string Format(double microseconds) => microseconds >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:F1} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{microseconds:F2} us");

    private sealed class BareOptions : ClientOptions
    {
    }

    /// <summary>A policy that only awaits the rest of the pipeline: what one more async level costs.</summary>
    private sealed class AsyncLevel : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>Turns off Azure.Core's network timeout for the call, and with it the per-read timeout stream of a download.</summary>
    private sealed class NoNetworkTimeout : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.NetworkTimeout = Timeout.InfiniteTimeSpan;
    }
}
