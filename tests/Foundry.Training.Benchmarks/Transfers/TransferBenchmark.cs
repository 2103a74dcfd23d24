using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Benchmarks;

/// <summary>
/// <c>transfer [MiB] [MB/s] [rounds]</c>: one weights artifact (1 GiB by default) from the emulator's storage, capped at
/// 50 MB/s per connection (as blob storage caps connections), downloaded by the single-stream SDK
/// (<c>DownloadArtifactAsync</c> copied to a file), the SDK's parallel ranged download (<c>DownloadArtifactsAsync</c>,
/// default <see cref="TransferOptions"/>), <c>BlobClient.DownloadToAsync</c> over the SAS URL (8 connections of 8 MiB),
/// and the parallel download with a fault at 60 % (the next 8 parts reset after 4 MiB). Prints seconds, MiB/s, bytes
/// received over the file's length, and the process's peak working set (the emulator runs in the same process). A
/// fourth argument runs only the scenarios whose name starts with it.
/// </summary>
internal static class TransferBenchmark
{
    private const string Weights = "outputs/model/adapter_model.safetensors";

    /// <summary>Only the scenario whose name starts with this (to measure one's peak working set alone); all when null.</summary>
    private static string? s_only;

    public static int Run(string[] args)
    {
        long mib = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
        long megabytesPerSecond = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        s_only = args.Length > 3 ? args[3] : null;
        return RunAsync(mib << 20, megabytesPerSecond * 1_000_000, rounds).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(long bytes, long cap, int rounds)
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            StepInterval = TimeSpan.FromMilliseconds(1),
            TrainingSteps = 2,
            WeightsFileBytes = bytes,
            StorageBandwidthPerConnection = cap,
        });
        var counter = new CountingHandler();
        var transport = new HttpClientTransport(new HttpClient(counter));
        var options = new TrainingJobsClientOptions { Transport = transport };
        TrainingJobsClient client = emulator.CreateTrainingJobsClient(options);
        await client.CreateAsync("transfer", new CommandJob("/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/gpu")
        {
            Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("azureai://datasets/d/versions/1"))
            {
                Lora = new TrainingLoraConfiguration(16),
            },
        });
        await client.WaitForCompletionAsync("transfer", TimeSpan.FromMilliseconds(20));
        Uri sas = (await client.GetArtifactContentInfoAsync("transfer", "1", Weights)).Value.ContentUri!;
        long length = (await client.GetArtifactMetadataAsync("transfer", "1", Weights)).Value.Size!.Value;
        using (var http = new HttpClient())
        using (var head = new HttpRequestMessage(HttpMethod.Head, sas))
        {
            await http.SendAsync(head); // The emulator works out the MD5 once, before anything is timed.
        }

        string root = Path.Combine(Path.GetTempPath(), "foundry-transfer-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        Console.WriteLine($"file {length / 1048576.0:0} MiB, cap {cap / 1e6:0} MB/s per connection, {rounds} round(s), {Environment.ProcessorCount} cores, load {Load()}");
        try
        {
            var blob = new BlobClient(sas, new BlobClientOptions { Transport = transport, Retry = { MaxRetries = 3 } });
            for (int round = 0; round < rounds; round++)
            {
                await Measure("single stream (DownloadArtifactAsync)", counter, length, async () =>
                {
                    using Stream content = (await client.DownloadArtifactAsync("transfer", "1", Weights)).Value;
                    using var file = new FileStream(Path.Combine(root, "single.bin"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await content.CopyToAsync(file);
                });
                await Measure("parallel (DownloadArtifactsAsync)", counter, length, async () =>
                {
                    Clean(root, "parallel");
                    await client.DownloadArtifactsAsync("transfer", "1", Path.Combine(root, "parallel"), Weights);
                });
                await Measure("BlobClient.DownloadToAsync", counter, length, async () =>
                {
                    await blob.DownloadToAsync(Path.Combine(root, "blob.bin"), new BlobDownloadToOptions
                    {
                        TransferOptions = new StorageTransferOptions { MaximumConcurrency = 8, InitialTransferSize = 8 << 20, MaximumTransferSize = 8 << 20 },
                    });
                });
                await Measure("parallel, fault at 60%", counter, length, async () =>
                {
                    Clean(root, "resumed");
                    int planned = 0;
                    var progress = new Progress(report =>
                    {
                        if (report.TotalBytes >= length * 6 / 10 && Interlocked.Exchange(ref planned, 1) == 0)
                        {
                            emulator.Faults.ResetDuringBody(afterBytes: 4 << 20, count: 8);
                        }
                    });
                    await client.DownloadArtifactsAsync("transfer", "1", Path.Combine(root, "resumed"), Weights, progress);
                    emulator.Faults.Clear();
                });
            }

            Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0} MiB (client and emulator in one process)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static async Task Measure(string name, CountingHandler counter, long length, Func<Task> run)
    {
        if (s_only is not null && !name.StartsWith(s_only, StringComparison.Ordinal))
        {
            return;
        }

        counter.Reset();
        var clock = Stopwatch.StartNew();
        await run();
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-40} {seconds,7:0.00} s {length / 1048576.0 / seconds,8:0.0} MiB/s  received {(double)counter.Bytes / length:0.000}× the file");
    }

    private static void Clean(string root, string folder)
    {
        string path = Path.Combine(root, folder);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class Progress : IProgress<ArtifactDownloadProgress>
    {
        private readonly Action<ArtifactDownloadProgress> _report;

        public Progress(Action<ArtifactDownloadProgress> report) => _report = report;

        public void Report(ArtifactDownloadProgress value) => _report(value);
    }

    /// <summary>Counts the body bytes every response delivers (what crossed the wire, re-transfers included).</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private long _bytes;

        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Reset() => Interlocked.Exchange(ref _bytes, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            Stream inner = await response.Content.ReadAsStreamAsync(cancellationToken);
            var counted = new StreamContent(new CountingStream(inner, this));
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = counted;
            return response;
        }

        private sealed class CountingStream : Stream
        {
            private readonly Stream _inner;
            private readonly CountingHandler _owner;

            public CountingStream(Stream inner, CountingHandler owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Count(await _inner.ReadAsync(buffer, cancellationToken));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _inner.Dispose();
                }

                base.Dispose(disposing);
            }

            private int Count(int read)
            {
                Interlocked.Add(ref _owner._bytes, read);
                return read;
            }
        }
    }
}
