using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Azure.Core.Pipeline;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Benchmarks.Memory;

/// <summary>
/// Peak working set, which BenchmarkDotNet does not measure: each scenario runs in a fresh process (so one scenario's
/// heap does not inflate the next one's peak) against a loopback server in another process (so the server's memory
/// is not counted), and reports the kernel's peak resident set (<c>VmHWM</c>) and the largest managed heap seen.
/// </summary>
public static class MemoryHarness
{
    private const long Size = StreamingSize.Bytes;
    private const int PagingPages = 1000; // 100,000 items

    private const long PartsSize = 2L << 30; // 2 GiB through the Uploads API

    private static readonly string[] s_scenarios = { "upload-raw", "upload-sdk", "upload-parts-sdk", "download-raw", "download-sdk", "paging-sdk" };

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[1] == "parallel")
        {
            return ParallelDownloadMemory.Run(args[2..]);
        }

        if (args.Length >= 3)
        {
            return RunScenario(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        using Process server = Start("serve");
        int port = int.Parse(server.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        Console.WriteLine("| scenario | peak working set (VmHWM) | largest managed heap | time | throughput |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        int failures = 0;
        foreach (string scenario in s_scenarios)
        {
            using Process child = Start("memory", scenario, port.ToString(CultureInfo.InvariantCulture));
            string output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            string? result = output.Split('\n').FirstOrDefault(l => l.StartsWith('|'));
            if (child.ExitCode != 0 || result is null)
            {
                failures++;
                Console.WriteLine($"| {scenario} | failed (exit {child.ExitCode}) | | | |");
                Console.Error.WriteLine(output + child.StandardError.ReadToEnd());
            }
            else
            {
                Console.WriteLine(result.TrimEnd());
            }
        }

        server.StandardInput.Close();
        server.WaitForExit(10_000);
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The loopback server alone, until standard input closes.</summary>
    public static int Serve()
    {
        using var server = new LoopbackServer(fineTuningPages: 1, trainingPages: 1, downloadBytes: Size);
        Console.WriteLine(server.Port.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
        while (Console.In.ReadLine() is not null)
        {
        }

        return 0;
    }

    private static int RunScenario(string scenario, int port)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var sampler = new HeapSampler();
        var clock = Stopwatch.StartNew();
        long bytes = scenario switch
        {
            "upload-raw" => UploadRawAsync(baseAddress).GetAwaiter().GetResult(),
            "upload-sdk" => UploadSdkAsync(baseAddress).GetAwaiter().GetResult(),
            "upload-parts-sdk" => UploadPartsSdkAsync(baseAddress).GetAwaiter().GetResult(),
            "download-raw" => DownloadRawAsync(baseAddress).GetAwaiter().GetResult(),
            "download-sdk" => DownloadSdkAsync(baseAddress).GetAwaiter().GetResult(),
            "paging-sdk" => PagingSdkAsync(sampler).GetAwaiter().GetResult(),
            _ => throw new ArgumentException("Unknown scenario " + scenario, nameof(scenario)),
        };
        clock.Stop();
        long peak = PeakResidentBytes();
        string throughput = scenario.StartsWith("paging", StringComparison.Ordinal)
            ? $"{bytes:N0} items"
            : $"{bytes / clock.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s ({bytes / (double)(1 << 30):F0} GiB)";
        Console.WriteLine($"| {scenario} | {Mib(peak)} | {Mib(sampler.Max)} | {clock.Elapsed.TotalSeconds:F2} s | {throughput} |");
        return 0;
    }

    private static async Task<long> UploadRawAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("fine-tune"), "purpose");
        var file = new StreamContent(new PatternStream(Size), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", "train.jsonl");
        using HttpResponseMessage response = await http.PostAsync("/v1/files", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return Size;
    }

    private static async Task<long> UploadSdkAsync(Uri baseAddress)
    {
        FineTuningFilesClient files = FineTuningClient.ForOpenAI("key", new FineTuningClientOptions { OpenAIEndpoint = new Uri(baseAddress, "/v1") }).GetFilesClient();
        using var stream = new PatternStream(Size);
        var options = new FineTuningFileUploadOptions { Mode = FileUploadMode.SingleRequest }; // 1 GiB would go in parts on its own
        FineTuningFile file = (await files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune, options).ConfigureAwait(false)).Value;
        return file.Id is null ? 0 : Size;
    }

    /// <summary>2 GiB through the Uploads API: 32 parts of 64 MiB, 4 at a time, each streamed from its slice, plus the MD5 pass.</summary>
    private static async Task<long> UploadPartsSdkAsync(Uri baseAddress)
    {
        FineTuningFilesClient files = FineTuningClient.ForOpenAI("key", new FineTuningClientOptions { OpenAIEndpoint = new Uri(baseAddress, "/v1") }).GetFilesClient();
        using var stream = new PatternStream(PartsSize);
        long reported = 0;
        var options = new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, Progress = new SynchronousProgress(total => Interlocked.Exchange(ref reported, total)) };
        FineTuningFile file = (await files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune, options).ConfigureAwait(false)).Value;
        return file.Id is not null && Interlocked.Read(ref reported) == PartsSize ? PartsSize : throw new InvalidOperationException($"Progress reached {reported} of {PartsSize} bytes.");
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private static async Task<long> DownloadRawAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using HttpResponseMessage response = await http.GetAsync("/api/projects/p/training_jobs/j/attempts/latest/artifacts/content?path=model.safetensors", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using Stream content = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await DrainAsync(content).ConfigureAwait(false);
    }

    private static async Task<long> DownloadSdkAsync(Uri baseAddress)
    {
        var client = new TrainingJobsClient(new Uri(baseAddress, "/api/projects/p"), new StaticTokenCredential());
        Azure.Response<Stream> response = await client.DownloadArtifactAsync("j", TrainingJobsClient.LatestAttempt, "model.safetensors").ConfigureAwait(false);
        await using Stream content = response.Value;
        return await DrainAsync(content).ConfigureAwait(false);
    }

    /// <summary>Lists 100,000 jobs; after each page, a full collection measures what is still alive.</summary>
    private static async Task<long> PagingSdkAsync(HeapSampler sampler)
    {
        var handler = new PagingHandler(PagingPages);
        var client = FineTuningClient.ForOpenAI("key", new FineTuningClientOptions
        {
            OpenAIEndpoint = new Uri("https://api.example.test/v1"),
            Transport = new HttpClientTransport(new HttpClient(handler)),
        });
        long items = 0;
        await foreach (FineTuningJob job in client.GetJobsAsync(new FineTuningJobListOptions { Limit = 100 }).ConfigureAwait(false))
        {
            if (++items % 100 == 1)
            {
                sampler.SampleAfterFullCollection();
            }

            GC.KeepAlive(job);
        }

        return handler.Requests == PagingPages ? items : throw new InvalidOperationException($"{handler.Requests} requests for {PagingPages} pages.");
    }

    private static async Task<long> DrainAsync(Stream content)
    {
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total == Size ? total : throw new InvalidOperationException($"Read {total} bytes, expected {Size}.");
    }

    internal static long PeakResidentBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }

    internal static string Mib(long bytes) => $"{bytes / (double)(1 << 20):F1} MiB";

    internal static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(MemoryHarness).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    /// <summary>Samples the managed heap size every few milliseconds on its own thread.</summary>
    internal sealed class HeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _max;

        public HeapSampler() => _timer = new Timer(_ => Record(GC.GetTotalMemory(forceFullCollection: false)), null, 0, 5);

        public long Max => Interlocked.Read(ref _max);

        public void SampleAfterFullCollection() => Record(GC.GetTotalMemory(forceFullCollection: true));

        public void Dispose() => _timer.Dispose();

        private void Record(long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, current) != current)
            {
            }
        }
    }
}
