using System;

namespace Foundry.Training.FineTuning;

/// <summary>Limits for <see cref="TrainingFileValidator"/>.</summary>
public class TrainingFileValidationOptions
{
    /// <summary>The default <see cref="MaxLineBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The default <see cref="MaxProblems"/>: 1000.</summary>
    public const int DefaultMaxProblems = 1000;

    private int _maxLineBytes = DefaultMaxLineBytes;
    private int _maxProblems = DefaultMaxProblems;

    /// <summary>
    /// The longest line, in bytes (without its line break), the validator reads; a longer line is reported as
    /// <see cref="TrainingFileProblemKind.LineTooLong"/> and skipped without being held in memory. This is also the most
    /// memory a validation needs for one line. Defaults to 16 MiB; raise it for examples with many inline images.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineBytes
    {
        get => _maxLineBytes;
        set => _maxLineBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The line limit must be at least 1 byte.");
    }

    /// <summary>
    /// The most problems kept in <see cref="TrainingFileValidationResult.Problems"/>; later problems are only counted in
    /// <see cref="TrainingFileValidationResult.ProblemCount"/>, so a huge broken file costs constant memory. Defaults to 1000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxProblems
    {
        get => _maxProblems;
        set => _maxProblems = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one problem must be kept.");
    }

    /// <summary>
    /// Whether to stop reading once <see cref="MaxProblems"/> problems were found, rather than count the problems of the
    /// whole file. Defaults to <see langword="false"/>.
    /// </summary>
    public bool StopAtMaxProblems { get; set; }

    /// <summary>A copy of the limits, so a validation is not affected by later changes to the options it was given.</summary>
    internal TrainingFileValidationOptions Copy() => new()
    {
        MaxLineBytes = MaxLineBytes,
        MaxProblems = MaxProblems,
        StopAtMaxProblems = StopAtMaxProblems,
    };
}
