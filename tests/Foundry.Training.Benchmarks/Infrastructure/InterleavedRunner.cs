using System.Diagnostics;
using System.Globalization;
using Foundry.Training.Benchmarks.Benchmarks;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// A load-tolerant cross-check of the ratios (<c>interleaved</c> modes): the benchmark methods run in rounds, one after
/// another, after a warm-up that lets tiered compilation settle. For each method it reports the fastest round, the
/// median round, and the median over rounds of its ratio to the baseline measured in the same round (paired, so a
/// load change between rounds cancels out). On a machine shared with other work, BenchmarkDotNet's means move with the
/// load from one benchmark to the next; these hardly do.
/// </summary>
public static class InterleavedRunner
{
    private static string? s_group;

    /// <summary>
    /// <c>interleaved [e2e|pipeline|download] [group] [rounds]</c>; deserialization when no suite is named; only the
    /// groups whose name starts with <c>group</c> when one is given (a case measured with fewer neighbours).
    /// </summary>
    public static int Run(string[] args)
    {
        string suite = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "deserialization";
        s_group = args.Length > 1 && !char.IsDigit(args[1][0]) ? args[1] : null;
        string? rounds = args.Length > 0 && char.IsDigit(args[^1][0]) ? args[^1] : null;
        int Rounds(int fallback) => rounds is null ? fallback : int.Parse(rounds, CultureInfo.InvariantCulture);
        return suite switch
        {
            "deserialization" => RunDeserialization(Rounds(100)),
            "e2e" => RunEndToEnd(Rounds(20)),
            "pipeline" => RunPipeline(Rounds(50)),
            "download" => RunDownload(Rounds(20)),
            _ => throw new ArgumentException("interleaved [e2e|pipeline|download] [rounds]", nameof(args)),
        };
    }

    /// <summary>Deserialization (the first case of each group is its floor).</summary>
    private static int RunDeserialization(int rounds)
    {
        var benchmarks = new DeserializationBenchmarks();
        benchmarks.Setup();
        return Report(rounds, new Case[]
        {
            new("FineTuningJob", "Floor", 200, () => benchmarks.Job_Floor()),
            new("FineTuningJob", "FoundryTraining", 200, () => benchmarks.Job_FoundryTraining()),
            new("FineTuningJob", "OpenAI", 200, () => benchmarks.Job_OpenAI()),
            new("FineTuningPage100", "Floor", 5, () => benchmarks.Page_Floor()),
            new("FineTuningPage100", "FoundryTraining", 5, () => benchmarks.Page_FoundryTraining()),
            new("FineTuningPage100", "OpenAI", 5, () => benchmarks.Page_OpenAI()),
            new("FineTuningPage100Unknown", "Floor", 5, () => benchmarks.PageUnknown_Floor()),
            new("FineTuningPage100Unknown", "FoundryTraining", 5, () => benchmarks.PageUnknown_FoundryTraining()),
            new("FineTuningPage100Unknown", "OpenAI", 5, () => benchmarks.PageUnknown_OpenAI()),
            new("FoundryGrpoJob", "Floor", 50, () => benchmarks.Grpo_Floor()),
            new("FoundryGrpoJob", "FoundryTraining", 50, () => benchmarks.Grpo_FoundryTraining()),
            new("FoundryGrpoJob", "FoundryTraining, recipe read", 50, () => benchmarks.Grpo_FoundryTraining_WithRecipe()),
        });
    }

    /// <summary>The end-to-end loopback scenarios (the first case of each group is raw <see cref="HttpClient"/>).</summary>
    private static int RunEndToEnd(int rounds)
    {
        var benchmarks = new EndToEndBenchmarks();
        benchmarks.Setup();
        try
        {
            return Report(rounds, new Case[]
            {
                new("GetFineTuningJob1000", "Raw", 1, () => benchmarks.GetFineTuning_Raw().GetAwaiter().GetResult()),
                new("GetFineTuningJob1000", "FoundryTraining", 1, () => benchmarks.GetFineTuning_FoundryTraining().GetAwaiter().GetResult()),
                new("GetFineTuningJob1000", "OpenAI", 1, () => benchmarks.GetFineTuning_OpenAI().GetAwaiter().GetResult()),
                new("GetTrainingJob1000", "Raw", 1, () => benchmarks.GetTraining_Raw().GetAwaiter().GetResult()),
                new("GetTrainingJob1000", "FoundryTraining", 1, () => benchmarks.GetTraining_FoundryTraining().GetAwaiter().GetResult()),
                new("ListFineTuningJobs10k", "Raw", 1, () => benchmarks.ListFineTuning_Raw().GetAwaiter().GetResult()),
                new("ListFineTuningJobs10k", "FoundryTraining", 1, () => benchmarks.ListFineTuning_FoundryTraining().GetAwaiter().GetResult()),
                new("ListFineTuningJobs10k", "OpenAI", 1, () => benchmarks.ListFineTuning_OpenAI().GetAwaiter().GetResult()),
                new("ListTrainingJobs10k", "Raw", 1, () => benchmarks.ListTraining_Raw().GetAwaiter().GetResult()),
                new("ListTrainingJobs10k", "FoundryTraining", 1, () => benchmarks.ListTraining_FoundryTraining().GetAwaiter().GetResult()),
            });
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    /// <summary>Per-call overhead over the mocked transport (raw <see cref="HttpClient"/> first in each group).</summary>
    private static int RunPipeline(int rounds)
    {
        var benchmarks = new PipelineOverheadBenchmarks();
        benchmarks.Setup();
        return Report(rounds, new Case[]
        {
            new("GetFineTuningJob", "Raw", 2000, () => benchmarks.FineTuning_Raw().GetAwaiter().GetResult()),
            new("GetFineTuningJob", "FoundryTraining", 2000, () => benchmarks.FineTuning_FoundryTraining().GetAwaiter().GetResult()),
            new("GetFineTuningJob", "OpenAI", 2000, () => benchmarks.FineTuning_OpenAI().GetAwaiter().GetResult()),
            new("GetTrainingJob", "Raw", 2000, () => benchmarks.Training_Raw().GetAwaiter().GetResult()),
            new("GetTrainingJob", "FoundryTraining", 2000, () => benchmarks.Training_FoundryTraining().GetAwaiter().GetResult()),
        });
    }

    /// <summary>The 1 GiB download (raw <see cref="HttpClient"/> streaming first).</summary>
    private static int RunDownload(int rounds)
    {
        var benchmarks = new StreamingBenchmarks();
        benchmarks.Setup();
        try
        {
            return Report(rounds, new Case[]
            {
                new("Download1GiB", "Raw", 1, () => benchmarks.Download_Raw().GetAwaiter().GetResult()),
                new("Download1GiB", "FoundryTraining", 1, () => benchmarks.Download_FoundryTraining().GetAwaiter().GetResult()),
            });
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static int Report(int rounds, Case[] cases)
    {
        cases = cases.Where(c => s_group is null || c.Group.StartsWith(s_group, StringComparison.Ordinal)).ToArray();
        // Warm-up: enough calls for tiered compilation (and its dynamic PGO) to reach its final code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (Case c in cases)
            {
                c.Call();
            }
        }

        var times = new double[cases.Length][];
        for (int i = 0; i < cases.Length; i++)
        {
            times[i] = new double[rounds];
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                for (int call = 0; call < cases[i].Calls; call++)
                {
                    cases[i].Call();
                }

                times[i][round] = clock.Elapsed.TotalMicroseconds / cases[i].Calls;
            }
        }

        Console.WriteLine($"| group | method | fastest of {rounds} rounds | median round | ratio of fastest | median paired ratio (p25–p75) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        for (int i = 0; i < cases.Length; i++)
        {
            int baseline = Array.FindIndex(cases, c => c.Group == cases[i].Group);
            double[] ratios = times[i].Select((t, round) => t / times[baseline][round]).Order().ToArray();
            double best = times[i].Min();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {cases[i].Group} | {cases[i].Name} | {Format(best)} | {Format(Median(times[i]))} | {best / times[baseline].Min():F2} | {Median(ratios):F2} ({Percentile(ratios, 0.25):F2}–{Percentile(ratios, 0.75):F2}) |"));
        }

        return 0;
    }

    private static string Format(double microseconds) => microseconds >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:F1} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{microseconds:F2} us");

    private static double Median(double[] values) => Percentile(values.Order().ToArray(), 0.5);

    private static double Percentile(double[] sorted, double p)
    {
        double at = p * (sorted.Length - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }

    private sealed record Case(string Group, string Name, int Calls, Func<object?> Call);
}
