using System.Diagnostics;
using System.Globalization;
using Foundry.Training.Benchmarks.Benchmarks;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// A load-tolerant cross-check of the deserialization ratios (<c>interleaved</c> mode): the benchmark methods run in
/// rounds, one after another, and each keeps its fastest round. On a machine shared with other work, BenchmarkDotNet's
/// means move with the load from one benchmark to the next; the minimum of interleaved rounds hardly does.
/// </summary>
public static class InterleavedRunner
{
    public static int Run(int rounds)
    {
        var benchmarks = new DeserializationBenchmarks();
        benchmarks.Setup();
        var cases = new (string Group, string Name, int Calls, Func<object?> Call)[]
        {
            ("FineTuningJob", "Floor", 200, () => benchmarks.Job_Floor()),
            ("FineTuningJob", "FoundryTraining", 200, () => benchmarks.Job_FoundryTraining()),
            ("FineTuningJob", "OpenAI", 200, () => benchmarks.Job_OpenAI()),
            ("FineTuningPage100", "Floor", 5, () => benchmarks.Page_Floor()),
            ("FineTuningPage100", "FoundryTraining", 5, () => benchmarks.Page_FoundryTraining()),
            ("FineTuningPage100", "OpenAI", 5, () => benchmarks.Page_OpenAI()),
            ("FineTuningPage100Unknown", "Floor", 5, () => benchmarks.PageUnknown_Floor()),
            ("FineTuningPage100Unknown", "FoundryTraining", 5, () => benchmarks.PageUnknown_FoundryTraining()),
            ("FineTuningPage100Unknown", "OpenAI", 5, () => benchmarks.PageUnknown_OpenAI()),
            ("FoundryGrpoJob", "Floor", 50, () => benchmarks.Grpo_Floor()),
            ("FoundryGrpoJob", "FoundryTraining", 50, () => benchmarks.Grpo_FoundryTraining()),
        };
        double[] best = Enumerable.Repeat(double.MaxValue, cases.Length).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                for (int call = 0; call < cases[i].Calls; call++)
                {
                    cases[i].Call();
                }

                best[i] = Math.Min(best[i], clock.Elapsed.TotalMicroseconds / cases[i].Calls);
            }
        }

        Console.WriteLine($"| group | reader | fastest of {rounds} rounds | ratio to the floor |");
        Console.WriteLine("|---|---|---:|---:|");
        for (int i = 0; i < cases.Length; i++)
        {
            double floor = best[Array.FindIndex(cases, c => c.Group == cases[i].Group && c.Name == "Floor")];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[i].Group} | {cases[i].Name} | {best[i]:F2} us | {best[i] / floor:F2} |"));
        }

        return 0;
    }
}
