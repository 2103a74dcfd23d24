namespace Foundry.Training.FineTuning;

/// <summary>
/// How token counts spread over the examples of a training file: the figures the OpenAI Cookbook's data preparation
/// notebook prints, computed exactly (percentiles interpolate linearly between the two nearest examples, as NumPy's
/// <c>quantile</c> does).
/// </summary>
public sealed class TokenCountDistribution
{
    internal TokenCountDistribution(long count, long total, int min, int max, double median, double p5, double p95)
    {
        Count = count;
        Total = total;
        Min = min;
        Max = max;
        Median = median;
        P5 = p5;
        P95 = p95;
    }

    /// <summary>How many examples the figures cover.</summary>
    public long Count { get; }

    /// <summary>The sum of the counts.</summary>
    public long Total { get; }

    /// <summary>The smallest count.</summary>
    public int Min { get; }

    /// <summary>The largest count.</summary>
    public int Max { get; }

    /// <summary>The mean count.</summary>
    public double Mean => Count == 0 ? 0 : (double)Total / Count;

    /// <summary>The median count (the 50th percentile).</summary>
    public double Median { get; }

    /// <summary>The 5th percentile: 5% of the examples have fewer tokens.</summary>
    public double P5 { get; }

    /// <summary>The 95th percentile: 5% of the examples have more tokens.</summary>
    public double P95 { get; }
}
