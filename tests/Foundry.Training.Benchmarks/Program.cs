using BenchmarkDotNet.Running;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.Benchmarks.Memory;

namespace Foundry.Training.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite (any BenchmarkDotNet arguments); <c>memory</c>: the peak working set harness
/// (<c>serve</c> is its loopback server process); <c>interleaved [rounds]</c>: load-tolerant deserialization ratios.
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
            return InterleavedRunner.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
        }

        if (args.Length > 0 && args[0] == "serve")
        {
            return MemoryHarness.Serve();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
