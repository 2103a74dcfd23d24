using System.Diagnostics;
using System.Globalization;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Benchmarks.Memory;

/// <summary>
/// <c>memory parallel [MiB] [MB/s]</c>: the peak working set of the client alone during a parallel ranged download
/// (<c>DownloadArtifactsAsync</c>, default <see cref="TransferOptions"/>: 8 parts of 8 MiB at once) of one weights file
/// (1 GiB by default). The emulator serves it from another process (<c>serve-emulator</c>), capped per connection
/// (50 MB/s by default, 0 for none); the client runs in a third (<c>parallel-client</c>) and reports its kernel peak
/// resident set (<c>VmHWM</c>) and the largest managed heap seen.
/// </summary>
internal static class ParallelDownloadMemory
{
    private const string Weights = "outputs/model/adapter_model.safetensors";

    public static int Run(string[] args)
    {
        string mib = args.Length > 0 ? args[0] : "1024";
        string cap = args.Length > 1 ? args[1] : "50";
        using Process server = MemoryHarness.Start("serve-emulator", mib, cap);
        string endpoint = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The emulator did not start: " + server.StandardError.ReadToEnd());
        try
        {
            using Process client = MemoryHarness.Start("parallel-client", endpoint);
            string output = client.StandardOutput.ReadToEnd();
            client.WaitForExit();
            Console.WriteLine("| scenario | peak working set (VmHWM) | largest managed heap | time | throughput |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.Write(output);
            if (client.ExitCode != 0)
            {
                Console.Error.WriteLine(client.StandardError.ReadToEnd());
            }

            return client.ExitCode;
        }
        finally
        {
            server.StandardInput.Close();
            server.WaitForExit(10_000);
        }
    }

    /// <summary>The emulator with one completed job whose weights file is <c>args[0]</c> MiB, until standard input closes.</summary>
    public static int Serve(string[] args)
    {
        long bytes = long.Parse(args[0], CultureInfo.InvariantCulture) << 20;
        long cap = long.Parse(args[1], CultureInfo.InvariantCulture) * 1_000_000;
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            StepInterval = TimeSpan.FromMilliseconds(1),
            TrainingSteps = 2,
            WeightsFileBytes = bytes,
            StorageBandwidthPerConnection = cap > 0 ? cap : null,
        });
        TrainingJobsClient client = emulator.CreateTrainingJobsClient();
        client.Create("transfer", new CommandJob("/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/gpu")
        {
            Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("azureai://datasets/d/versions/1"))
            {
                Lora = new TrainingLoraConfiguration(16),
            },
        });
        client.WaitForCompletion("transfer", TimeSpan.FromMilliseconds(20));
        using (var http = new HttpClient())
        using (var head = new HttpRequestMessage(HttpMethod.Head, client.GetArtifactContentInfo("transfer", "1", Weights).Value.ContentUri))
        {
            http.Send(head); // The emulator works out the MD5 once, before the client starts.
        }

        Console.WriteLine(emulator.Endpoint.AbsoluteUri);
        Console.Out.Flush();
        while (Console.In.ReadLine() is not null)
        {
        }

        return 0;
    }

    /// <summary>The client alone: one parallel download into a temporary folder, then its peak working set.</summary>
    public static int Client(string[] args)
    {
        var endpoint = new Uri(args[0]);
        string folder = Path.Combine(Path.GetTempPath(), "foundry-memory-parallel-" + Guid.NewGuid().ToString("N"));
        using var sampler = new MemoryHarness.HeapSampler();
        try
        {
            var client = new TrainingJobsClient(endpoint, new StaticTokenCredential());
            var clock = Stopwatch.StartNew();
            IReadOnlyList<DownloadedArtifact> files = client.DownloadArtifactsAsync("transfer", "1", folder, Weights).GetAwaiter().GetResult();
            clock.Stop();
            long bytes = files.Single().Length;
            long peak = MemoryHarness.PeakResidentBytes();
            Console.WriteLine($"| download-parallel-sdk (client only) | {MemoryHarness.Mib(peak)} | {MemoryHarness.Mib(sampler.Max)} | {clock.Elapsed.TotalSeconds:F2} s | {bytes / clock.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s ({bytes / (double)(1 << 20):F0} MiB) |");
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
