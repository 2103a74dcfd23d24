using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Collects token counts for a <see cref="TokenCountDistribution"/>: how many examples had each count, so percentiles
/// are exact while memory grows with the number of distinct counts (at most the largest count), never with the number
/// of examples.
/// </summary>
internal sealed class TokenHistogram
{
    private readonly Dictionary<int, long> _counts = new();
    private long _count;
    private long _total;
    private int _min = int.MaxValue;
    private int _max;

    public void Add(int tokens)
    {
        _counts.TryGetValue(tokens, out long seen);
        _counts[tokens] = seen + 1;
        _count++;
        _total += tokens;
        _min = Math.Min(_min, tokens);
        _max = Math.Max(_max, tokens);
    }

    /// <summary>The distribution of the counts added; null when none was.</summary>
    public TokenCountDistribution? ToDistribution()
    {
        if (_count == 0)
        {
            return null;
        }

        KeyValuePair<int, long>[] sorted = _counts.OrderBy(c => c.Key).ToArray();
        return new TokenCountDistribution(_count, _total, _min, _max, Quantile(sorted, 0.5), Quantile(sorted, 0.05), Quantile(sorted, 0.95));
    }

    /// <summary>NumPy's default (linear) quantile: the value at rank q·(n−1), interpolated between its two neighbours.</summary>
    private double Quantile(KeyValuePair<int, long>[] sorted, double q)
    {
        double position = q * (_count - 1);
        long lower = (long)Math.Floor(position);
        double fraction = position - lower;
        int below = ValueAt(sorted, lower);
        int above = fraction > 0 ? ValueAt(sorted, lower + 1) : below;
        return below + ((above - below) * fraction);
    }

    /// <summary>The count at 0-based rank <paramref name="rank"/> of the sorted examples.</summary>
    private static int ValueAt(KeyValuePair<int, long>[] sorted, long rank)
    {
        long seen = 0;
        foreach (KeyValuePair<int, long> bucket in sorted)
        {
            seen += bucket.Value;
            if (rank < seen)
            {
                return bucket.Key;
            }
        }

        return sorted[sorted.Length - 1].Key;
    }
}
