using BenchmarkDotNet.Running;
using Foundry.Training.Benchmarks.Memory;

namespace Foundry.Training.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite (any BenchmarkDotNet arguments), or <c>memory</c>: the peak working set harness
/// (<c>serve</c> is the harness's loopback server process).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "memory")
        {
            return MemoryHarness.Run(args);
        }

        if (args.Length > 0 && args[0] == "serve")
        {
            return MemoryHarness.Serve();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
