using System;

namespace Foundry.Training.Jobs;

/// <summary>One line of a training job's log, as <c>TrainingJobsClient.StreamLogsAsync</c> reads it.</summary>
public sealed class TrainingLogLine
{
    private readonly Func<TrainingLogPosition> _position;

    /// <summary>Creates a log line (also for mocking <c>StreamLogsAsync</c> and <c>WatchAsync</c>).</summary>
    /// <param name="attemptId">The attempt that wrote the line.</param>
    /// <param name="path">The log file's artifact path.</param>
    /// <param name="text">The line's text, without its line break.</param>
    /// <param name="offset">Where the line starts in the file, in bytes.</param>
    /// <param name="continuesOnNextLine">Whether the line was cut at <see cref="TrainingLogPosition.MaximumLineBytes"/> and goes on in the next line of the same file.</param>
    /// <param name="position">Where a stream resumed after this line starts.</param>
    /// <exception cref="ArgumentException">A string is null or empty (<paramref name="text"/> may be empty), <paramref name="offset"/> is negative, or <paramref name="position"/> is null.</exception>
    public TrainingLogLine(string attemptId, string path, string text, long offset, bool continuesOnNextLine, TrainingLogPosition position)
        : this(attemptId, path, text, offset, continuesOnNextLine, Checked(position))
    {
        Argument.AssertNotNullOrEmpty(attemptId, nameof(attemptId));
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        Argument.AssertNotNull(text, nameof(text));
        Argument.AssertInRange(offset, 0, long.MaxValue, nameof(offset));
    }

    /// <summary>A line whose position is built only if asked for: most lines are printed, not saved.</summary>
    internal TrainingLogLine(string attemptId, string path, string text, long offset, bool continuesOnNextLine, Func<TrainingLogPosition> position)
    {
        AttemptId = attemptId;
        Path = path;
        Text = text;
        Offset = offset;
        ContinuesOnNextLine = continuesOnNextLine;
        _position = position;
    }

    /// <summary>The attempt that wrote the line.</summary>
    public string AttemptId { get; }

    /// <summary>The log file's artifact path, for example <c>user_logs/std_log.txt</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The line's text, without its line break (<c>\n</c> or <c>\r\n</c>), decoded as UTF-8 (a byte sequence that is not
    /// UTF-8 becomes U+FFFD).
    /// </summary>
    public string Text { get; }

    /// <summary>Where the line starts in the file, in bytes. It starts over at 0 when a file was replaced (see <c>StreamLogsAsync</c>).</summary>
    public long Offset { get; }

    /// <summary>
    /// Whether the line was longer than <see cref="TrainingLogPosition.MaximumLineBytes"/> and was cut there (on a
    /// character boundary): its rest is the next line read from the same file. Nothing is dropped.
    /// </summary>
    public bool ContinuesOnNextLine { get; }

    /// <summary>
    /// Where a stream resumed after this line starts: pass it to <c>StreamLogsAsync</c> (or save its
    /// <see cref="TrainingLogPosition.ToString"/> and <see cref="TrainingLogPosition.Parse"/> it later) to get every
    /// line after this one, none twice.
    /// </summary>
    public TrainingLogPosition Position => _position();

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static Func<TrainingLogPosition> Checked(TrainingLogPosition position)
    {
        Argument.AssertNotNull(position, nameof(position));
        return () => position;
    }
}
