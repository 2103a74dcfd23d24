namespace Foundry.Training.FineTuning;

/// <summary>How far a <see cref="TrainingFileAnalyzer"/> has read, reported about every mebibyte and once at the end.</summary>
public sealed class TrainingFileAnalysisProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="bytesRead">The bytes read so far.</param>
    /// <param name="totalBytes">The bytes to read in all, when known (a file, a seekable stream).</param>
    /// <param name="exampleCount">The examples counted so far.</param>
    public TrainingFileAnalysisProgress(long bytesRead, long? totalBytes, long exampleCount)
    {
        BytesRead = bytesRead;
        TotalBytes = totalBytes;
        ExampleCount = exampleCount;
    }

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; }

    /// <summary>The bytes to read in all, when known (a file, a seekable stream).</summary>
    public long? TotalBytes { get; }

    /// <summary>The examples counted so far.</summary>
    public long ExampleCount { get; }

    /// <summary>The part read, from 0 to 1, when <see cref="TotalBytes"/> is known.</summary>
    public double? Fraction => TotalBytes is > 0 and long total ? (double)BytesRead / total : null;
}
