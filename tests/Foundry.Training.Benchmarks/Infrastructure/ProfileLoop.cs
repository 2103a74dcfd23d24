using System.Diagnostics;
using System.Globalization;
using Foundry.Training.Benchmarks.Benchmarks;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// <c>profile SCENARIO SECONDS</c>: runs one benchmark method in a loop for a while, so a sampling profiler sees only
/// that code path (see docs/performance.md, "Profiling": Linux <c>perf</c> with <c>DOTNET_PerfMapEnabled=1</c>).
/// Prints the calls per second at the end.
/// </summary>
public static class ProfileLoop
{
    public static int Run(string scenario, double seconds)
    {
        var deserialization = new DeserializationBenchmarks();
        var endToEnd = new EndToEndBenchmarks();
        var pipeline = new PipelineOverheadBenchmarks();
        var streaming = new StreamingBenchmarks();
        Func<object?> call = scenario switch
        {
            "grpo" => Prepare(deserialization.Setup, () => deserialization.Grpo_FoundryTraining()),
            "grpo-floor" => Prepare(deserialization.Setup, () => deserialization.Grpo_Floor()),
            "ftjob" => Prepare(deserialization.Setup, () => deserialization.Job_FoundryTraining()),
            "ftjob-floor" => Prepare(deserialization.Setup, () => deserialization.Job_Floor()),
            "get-training" => Prepare(endToEnd.Setup, () => endToEnd.GetTraining_FoundryTraining().GetAwaiter().GetResult()),
            "get-training-raw" => Prepare(endToEnd.Setup, () => endToEnd.GetTraining_Raw().GetAwaiter().GetResult()),
            "get-finetuning" => Prepare(endToEnd.Setup, () => endToEnd.GetFineTuning_FoundryTraining().GetAwaiter().GetResult()),
            "get-finetuning-raw" => Prepare(endToEnd.Setup, () => endToEnd.GetFineTuning_Raw().GetAwaiter().GetResult()),
            "pipeline-finetuning" => Prepare(pipeline.Setup, () => pipeline.FineTuning_FoundryTraining().GetAwaiter().GetResult()),
            "pipeline-finetuning-raw" => Prepare(pipeline.Setup, () => pipeline.FineTuning_Raw().GetAwaiter().GetResult()),
            "pipeline-training" => Prepare(pipeline.Setup, () => pipeline.Training_FoundryTraining().GetAwaiter().GetResult()),
            "download" => Prepare(streaming.Setup, () => streaming.Download_FoundryTraining().GetAwaiter().GetResult()),
            "download-raw" => Prepare(streaming.Setup, () => streaming.Download_Raw().GetAwaiter().GetResult()),
            _ => throw new ArgumentException("unknown scenario " + scenario, nameof(scenario)),
        };

        long calls = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            call();
            calls++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {calls / clock.Elapsed.TotalSeconds:F1} calls/s"));
        return 0;
    }

    private static Func<object?> Prepare(Action setup, Func<object?> call)
    {
        setup();
        return call;
    }
}
