using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Checks a JSONL fine-tuning training file before it is uploaded, without any network call: one example per line in
/// the chat, prompt-completion, preference (DPO) or reinforcement format, each problem reported with its line number.
/// </summary>
/// <remarks>
/// The file is streamed: memory stays constant however large the file is (a read buffer, at most one line of
/// <see cref="TrainingFileValidationOptions.MaxLineBytes"/>, and at most <see cref="TrainingFileValidationOptions.MaxProblems"/>
/// problems), and a line over the limit is skipped to its line break without being held. The format is the one asked
/// for, or the one the first example with a recognizable shape shows (a reinforcement file must be asked for: its
/// examples look like chat examples without an answer). <see cref="TrainingFileAnalyzer"/> runs the same checks and also
/// counts tokens against a model's limit; the service stays the judge of anything else (the minimum number of examples).
/// </remarks>
public class TrainingFileValidator
{
    private readonly TrainingFileValidationOptions _options;

    /// <summary>Creates a validator.</summary>
    /// <param name="options">The limits; the defaults when null. They are copied: later changes do not affect this validator.</param>
    public TrainingFileValidator(TrainingFileValidationOptions? options = null)
    {
        _options = (options ?? new TrainingFileValidationOptions()).Copy();
    }

    /// <summary>Validates a training file read from a stream, from its current position to its end.</summary>
    /// <param name="content">The JSONL content, UTF-8. It is read, not disposed.</param>
    /// <param name="format">The format the examples must have; detected from the examples when null.</param>
    /// <param name="cancellationToken">Stops the validation.</param>
    /// <returns>The problems found and the line and example counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public virtual Task<TrainingFileValidationResult> ValidateAsync(Stream content, TrainingFileFormat? format = null, CancellationToken cancellationToken = default)
    {
        CheckArguments(content, format);
        return ValidateCoreAsync(content, format, async: true, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="ValidateAsync(Stream, TrainingFileFormat?, CancellationToken)"/>
    public virtual TrainingFileValidationResult Validate(Stream content, TrainingFileFormat? format = null, CancellationToken cancellationToken = default)
    {
        CheckArguments(content, format);
        return ValidateCoreAsync(content, format, async: false, cancellationToken).EnsureCompleted();
    }

    /// <summary>Validates a training file on disk.</summary>
    /// <param name="path">The path of the JSONL file.</param>
    /// <param name="format">The format the examples must have; detected from the examples when null.</param>
    /// <param name="cancellationToken">Stops the validation.</param>
    /// <returns>The problems found and the line and example counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="IOException">The file cannot be read, for example <see cref="FileNotFoundException"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public virtual async Task<TrainingFileValidationResult> ValidateAsync(string path, TrainingFileFormat? format = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        CheckFormat(format);
        using FileStream file = TrainingFileScan.OpenRead(path, async: true);
        return await ValidateCoreAsync(file, format, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ValidateAsync(string, TrainingFileFormat?, CancellationToken)"/>
    public virtual TrainingFileValidationResult Validate(string path, TrainingFileFormat? format = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        CheckFormat(format);
        using FileStream file = TrainingFileScan.OpenRead(path, async: false);
        return ValidateCoreAsync(file, format, async: false, cancellationToken).EnsureCompleted();
    }

    private async ValueTask<TrainingFileValidationResult> ValidateCoreAsync(Stream content, TrainingFileFormat? format, bool async, CancellationToken cancellationToken)
    {
        var scan = new TrainingFileScan(format, _options);
        await scan.ReadAsync(content, async, onRead: null, cancellationToken).ConfigureAwait(false);
        return scan.ToResult();
    }

    /// <summary>Checks a stream and a format before any reading; shared with <see cref="TrainingFileAnalyzer"/>.</summary>
    internal static void CheckArguments(Stream content, TrainingFileFormat? format)
    {
        Argument.AssertNotNull(content, nameof(content));
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        CheckFormat(format);
    }

    /// <summary>Checks a format before any reading; shared with <see cref="TrainingFileAnalyzer"/>.</summary>
    internal static void CheckFormat(TrainingFileFormat? format)
    {
        if (format is { } value && value is not (TrainingFileFormat.Chat or TrainingFileFormat.PromptCompletion or TrainingFileFormat.Preference or TrainingFileFormat.Reinforcement))
        {
            throw new ArgumentOutOfRangeException(nameof(format), value, "Unknown training file format.");
        }
    }
}
