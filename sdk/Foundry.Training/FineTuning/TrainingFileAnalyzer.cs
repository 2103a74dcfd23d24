using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Tells what a JSONL training file will cost before it is uploaded, without any network call: the tokens of each
/// example (as OpenAI's guidance counts chat messages, names and tools), their distribution, the examples over the
/// model's limit or without anything to learn from, the default epochs and the billed tokens, and, given a price, the
/// cost. The same pass validates the file as <see cref="TrainingFileValidator"/> does.
/// </summary>
/// <remarks>
/// <para>
/// Tokens are counted by a <see cref="TrainingTokenCounter"/>: <c>TiktokenTokenCounter.ForModel("gpt-4.1-mini")</c>
/// from the <c>Foundry.Training.Tokenization</c> package counts as OpenAI's tokenizers do, offline.
/// </para>
/// <para>
/// The file is streamed: memory stays bounded however large it is (a read buffer, one line, the lists capped by
/// <see cref="TrainingFileAnalysisOptions.MaxListedExamples"/>, and a histogram per distribution that grows with the
/// number of distinct token counts, not of examples). Chat, preference (DPO), reinforcement and prompt-completion
/// files are counted; a reinforcement file must be asked for, as its examples look like chat examples without answers.
/// </para>
/// </remarks>
public class TrainingFileAnalyzer
{
    private const long ProgressInterval = 1024 * 1024;

    private readonly TrainingTokenCounter _counter = null!;
    private readonly TrainingFileValidationOptions _limits = null!;
    private readonly int? _maxTokensPerExample;
    private readonly int? _epochs;
    private readonly decimal? _pricePerMillionTokens;
    private readonly int _maxListedExamples;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="tokenCounter">Counts tokens as the model's tokenizer does.</param>
    /// <param name="options">The limits, epochs and price; the defaults when null. They are copied: later changes do not affect this analyzer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenCounter"/> is null.</exception>
    public TrainingFileAnalyzer(TrainingTokenCounter tokenCounter, TrainingFileAnalysisOptions? options = null)
    {
        Argument.AssertNotNull(tokenCounter, nameof(tokenCounter));
        options ??= new TrainingFileAnalysisOptions();
        _counter = tokenCounter;
        _limits = options.Copy();
        _maxTokensPerExample = options.MaxTokensPerExample ?? tokenCounter.MaxTokensPerExample;
        _epochs = options.Epochs;
        _pricePerMillionTokens = options.PricePerMillionTokens;
        _maxListedExamples = options.MaxListedExamples;
    }

    /// <summary>For mocking.</summary>
    protected TrainingFileAnalyzer()
    {
    }

    /// <summary>Analyzes a training file read from a stream, from its current position to its end.</summary>
    /// <param name="content">The JSONL content, UTF-8. It is read, not disposed.</param>
    /// <param name="format">The format of the examples; detected from them when null (a reinforcement file must be asked for).</param>
    /// <param name="progress">Told how far the analysis has read, about every mebibyte and at the end.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>The analysis, with the validation of the same pass.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public virtual Task<TrainingFileAnalysis> AnalyzeAsync(Stream content, TrainingFileFormat? format = null, IProgress<TrainingFileAnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TrainingFileValidator.CheckArguments(content, format);
        return AnalyzeCoreAsync(content, format, progress, async: true, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="AnalyzeAsync(Stream, TrainingFileFormat?, IProgress{TrainingFileAnalysisProgress}, CancellationToken)"/>
    public virtual TrainingFileAnalysis Analyze(Stream content, TrainingFileFormat? format = null, IProgress<TrainingFileAnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TrainingFileValidator.CheckArguments(content, format);
        return AnalyzeCoreAsync(content, format, progress, async: false, cancellationToken).EnsureCompleted();
    }

    /// <summary>Analyzes a training file on disk.</summary>
    /// <param name="path">The path of the JSONL file.</param>
    /// <param name="format">The format of the examples; detected from them when null (a reinforcement file must be asked for).</param>
    /// <param name="progress">Told how far the analysis has read, about every mebibyte and at the end.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>The analysis, with the validation of the same pass.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="IOException">The file cannot be read, for example <see cref="FileNotFoundException"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public virtual async Task<TrainingFileAnalysis> AnalyzeAsync(string path, TrainingFileFormat? format = null, IProgress<TrainingFileAnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        TrainingFileValidator.CheckFormat(format);
        using FileStream file = TrainingFileScan.OpenRead(path, async: true);
        return await AnalyzeCoreAsync(file, format, progress, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="AnalyzeAsync(string, TrainingFileFormat?, IProgress{TrainingFileAnalysisProgress}, CancellationToken)"/>
    public virtual TrainingFileAnalysis Analyze(string path, TrainingFileFormat? format = null, IProgress<TrainingFileAnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        TrainingFileValidator.CheckFormat(format);
        using FileStream file = TrainingFileScan.OpenRead(path, async: false);
        return AnalyzeCoreAsync(file, format, progress, async: false, cancellationToken).EnsureCompleted();
    }

    private async ValueTask<TrainingFileAnalysis> AnalyzeCoreAsync(Stream content, TrainingFileFormat? format, IProgress<TrainingFileAnalysisProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        var run = new TrainingFileAnalysisRun(_counter, _maxTokensPerExample, _maxListedExamples);
        var scan = new TrainingFileScan(format, _limits, run);
        long? total = content.CanSeek ? Math.Max(0, content.Length - content.Position) : null;
        long reported = 0;
        long read = 0;
        await scan.ReadAsync(
            content,
            async,
            bytes =>
            {
                read = bytes;
                if (progress is not null && bytes - reported >= ProgressInterval)
                {
                    reported = bytes;
                    progress.Report(new TrainingFileAnalysisProgress(bytes, total, run.ExampleCount));
                }
            },
            cancellationToken).ConfigureAwait(false);
        progress?.Report(new TrainingFileAnalysisProgress(read, total, run.ExampleCount));
        return run.ToResult(scan.ToResult(), _epochs, _pricePerMillionTokens);
    }
}
