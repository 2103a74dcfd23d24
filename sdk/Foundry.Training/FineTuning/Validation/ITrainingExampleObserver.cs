using System;

namespace Foundry.Training.FineTuning;

/// <summary>Sees the examples a <see cref="TrainingFileScan"/> reads, after they were checked (the analyzer counts their tokens).</summary>
internal interface ITrainingExampleObserver
{
    /// <summary>A line that is a JSON object of the file's format (it may still have problems in its content).</summary>
    /// <param name="line">The line's UTF-8 bytes, without line break or byte order mark; only valid during the call.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="format">The file's format.</param>
    void OnExample(ReadOnlySpan<byte> line, long lineNumber, TrainingFileFormat format);
}
