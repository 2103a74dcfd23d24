using System;

namespace Foundry.Training.Testing;

/// <summary>
/// The metric values emulated jobs report: plausible shapes (loss falls, reward rises, the learning rate warms up and
/// decays) with a little noise that depends only on the job and the step, so every run of a test sees the same numbers.
/// </summary>
internal static class TrainingCurves
{
    /// <summary>A stable seed for a job (string hashes are randomized per process, so FNV-1a).</summary>
    public static uint Seed(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    /// <summary>Training loss: from about 2.3 down towards 0.35.</summary>
    public static double Loss(uint seed, int step, int totalSteps) =>
        Round(0.35 + (1.95 * Math.Exp(-3.0 * step / totalSteps)) + (0.03 * Noise(seed, step)));

    /// <summary>Validation loss: a little above the training loss.</summary>
    public static double EvalLoss(uint seed, int step, int totalSteps) =>
        Round(0.42 + (1.9 * Math.Exp(-2.6 * step / totalSteps)) + (0.02 * Noise(seed ^ 0x5bd1e995u, step)));

    /// <summary>Mean token accuracy: from about 0.55 up towards 0.93.</summary>
    public static double TokenAccuracy(uint seed, int step, int totalSteps) =>
        Round(Math.Min(0.99, 0.93 - (0.38 * Math.Exp(-3.0 * step / totalSteps)) + (0.01 * Noise(seed ^ 0x27d4eb2du, step))));

    /// <summary>Linear warm-up over the first 10 % of the steps, then linear decay to zero.</summary>
    public static double LearningRate(int step, int totalSteps, double peak)
    {
        int warmup = Math.Max(1, totalSteps / 10);
        double factor = step <= warmup ? (double)step / warmup : Math.Max(0.0, (double)(totalSteps - step) / Math.Max(1, totalSteps - warmup));
        return peak * factor;
    }

    /// <summary>Gradient norm: from about 1.6 down towards 0.4.</summary>
    public static double GradNorm(uint seed, int step, int totalSteps) =>
        Round(0.4 + (1.2 * Math.Exp(-2.0 * step / totalSteps)) + (0.05 * Noise(seed ^ 0x165667b1u, step)));

    /// <summary>Mean reward (reinforcement recipes): from about 0.2 up towards 0.85.</summary>
    public static double Reward(uint seed, int step, int totalSteps) =>
        Round(0.85 - (0.65 * Math.Exp(-2.5 * step / totalSteps)) + (0.02 * Noise(seed ^ 0x9e3779b9u, step)));

    /// <summary>Preference accuracy (preference recipes): from 0.5 up towards 0.9.</summary>
    public static double PreferenceAccuracy(uint seed, int step, int totalSteps) =>
        Round(Math.Min(1.0, 0.9 - (0.4 * Math.Exp(-3.0 * step / totalSteps)) + (0.02 * Noise(seed ^ 0x85ebca6bu, step))));

    private static double Round(double value) => Math.Round(value, 6);

    /// <summary>A deterministic value in [-1, 1] for a seed and a step.</summary>
    private static double Noise(uint seed, int step)
    {
        uint x = seed ^ ((uint)step * 0x9e3779b1u);
        x ^= x >> 16;
        x *= 0x7feb352du;
        x ^= x >> 15;
        x *= 0x846ca68bu;
        x ^= x >> 16;
        return (x / (double)uint.MaxValue * 2.0) - 1.0;
    }
}
