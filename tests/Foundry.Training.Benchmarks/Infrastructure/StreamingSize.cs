namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>The size of the generated upload and the served artifact.</summary>
public static class StreamingSize
{
    public const long Bytes = 1L << 30;
}
