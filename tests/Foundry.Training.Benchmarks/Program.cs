using BenchmarkDotNet.Running;
using Foundry.Training.Benchmarks.Analysis;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.Benchmarks.Memory;

namespace Foundry.Training.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite (any BenchmarkDotNet arguments); <c>memory</c>: the peak working set harness
/// (<c>serve</c> is its loopback server process); <c>interleaved [e2e|pipeline|download] [rounds]</c>: load-tolerant
/// ratios (deserialization when no suite is named); <c>attribution get|get-foundry|download|wrapper [rounds]</c>: where end-to-end
/// time goes; <c>profile SCENARIO SECONDS</c>: one scenario in a loop, for a profiler; <c>analysis [megabytes] [rounds]</c>:
/// training file analysis throughput and the tokenizer's share; <c>transfer [MiB] [MB/s] [rounds]</c>: parallel
/// ranged downloads against the single stream and <c>BlobClient</c> over a capped emulator.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "memory")
        {
            return MemoryHarness.Run(args);
        }

        if (args.Length > 0 && args[0] == "interleaved")
        {
            return InterleavedRunner.Run(args[1..]);
        }

        if (args.Length > 1 && args[0] == "attribution")
        {
            return AttributionRunner.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30);
        }

        if (args.Length > 2 && args[0] == "profile")
        {
            return ProfileLoop.Run(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length > 0 && args[0] == "analysis")
        {
            return AnalysisThroughput.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "transfer")
        {
            return TransferBenchmark.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "serve-emulator")
        {
            return ParallelDownloadMemory.Serve(args[1..]);
        }

        if (args.Length > 0 && args[0] == "parallel-client")
        {
            return ParallelDownloadMemory.Client(args[1..]);
        }

        if (args.Length > 0 && args[0] == "serve")
        {
            return MemoryHarness.Serve();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
