using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The state of one validation: splits the bytes it is fed into lines, checks each line and keeps the counts.
/// Memory is bounded: a line is only copied when it spans two reads, never beyond the line limit, and a longer line is
/// counted and skipped up to its line break. An observer (the analyzer) sees every line that is an example of the
/// file's format.
/// </summary>
internal sealed class TrainingFileScan
{
    private const int ReadBufferSize = 64 * 1024;
    private static readonly byte[] s_byteOrderMark = { 0xEF, 0xBB, 0xBF };

    private readonly int _maxLineBytes;
    private readonly int _maxProblems;
    private readonly bool _stopAtMaxProblems;
    private readonly ITrainingExampleObserver? _observer;
    private readonly List<TrainingFileProblem> _problems = new();

    // The start of a line that spans reads; at most _maxLineBytes long.
    private byte[] _pending = Array.Empty<byte>();
    private int _pendingLength;

    // Set once the current line passed the limit: its bytes are counted, not kept.
    private bool _oversized;
    private long _oversizedLength;

    private long _exampleCount;
    private long _validExampleCount;
    private long _problemCount;

    public TrainingFileScan(TrainingFileFormat? format, TrainingFileValidationOptions options, ITrainingExampleObserver? observer = null)
    {
        Format = format;
        FormatGiven = format is not null;
        _maxLineBytes = options.MaxLineBytes;
        _maxProblems = options.MaxProblems;
        _stopAtMaxProblems = options.StopAtMaxProblems;
        _observer = observer;
    }

    /// <summary>The format lines are checked against: given, or detected from the first example that shows one.</summary>
    public TrainingFileFormat? Format { get; private set; }

    public bool FormatGiven { get; }

    /// <summary>The line the format was detected on (0 when it was given).</summary>
    public long FormatLine { get; private set; }

    public long LineNumber { get; private set; }

    /// <summary>Whether validation reached <see cref="TrainingFileValidationOptions.MaxProblems"/> and was asked to stop there.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Opens a file for <see cref="ReadAsync"/>: no <see cref="FileStream"/> buffering, the scan reads in large blocks of its own.</summary>
    public static FileStream OpenRead(string path, bool async) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | (async ? FileOptions.Asynchronous : FileOptions.None));

    /// <summary>Reads <paramref name="content"/> to its end (or until the scan stops) and completes the scan.</summary>
    /// <param name="content">The JSONL content.</param>
    /// <param name="async">Whether to read asynchronously.</param>
    /// <param name="onRead">Told the total bytes read after each read, if given.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public async ValueTask ReadAsync(Stream content, bool async, Action<long>? onRead, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[ReadBufferSize];
        long total = 0;
        while (!Stopped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read = async
                ? await content.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)
                : content.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                Complete();
                break;
            }

            Feed(buffer, read);
            total += read;
            onRead?.Invoke(total);
        }
    }

    /// <summary>Feeds the next bytes of the file; completes and checks every line they end.</summary>
    public void Feed(byte[] buffer, int count)
    {
        var data = new ReadOnlySpan<byte>(buffer, 0, count);
        while (!data.IsEmpty && !Stopped)
        {
            int newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Append(data);
                return;
            }

            ReadOnlySpan<byte> end = data.Slice(0, newline);
            if (_pendingLength == 0 && !_oversized)
            {
                CompleteLine(end);
            }
            else
            {
                Append(end);
                CompletePendingLine();
            }

            data = data.Slice(newline + 1);
        }
    }

    /// <summary>Checks the last line when the file does not end with a line break, then the file as a whole.</summary>
    public void Complete()
    {
        if (!Stopped && (_pendingLength > 0 || _oversized))
        {
            CompletePendingLine();
        }

        if (!Stopped && _exampleCount == 0)
        {
            Report(0, TrainingFileProblemKind.NoExamples, "The file has no examples; it needs one JSON object per line.");
        }
    }

    public TrainingFileValidationResult ToResult() =>
        new(Format, LineNumber, _exampleCount, _validExampleCount, _problemCount, _problems.AsReadOnly(), isComplete: !Stopped);

    /// <summary>Records the format the first recognizable example shows.</summary>
    public void DetectFormat(TrainingFileFormat format)
    {
        Format = format;
        FormatLine = LineNumber;
    }

    /// <summary>Shows the current line, an example of <paramref name="format"/>, to the observer.</summary>
    public void Observe(ReadOnlySpan<byte> line, TrainingFileFormat format) => _observer?.OnExample(line, LineNumber, format);

    /// <summary>Records a problem of the current line.</summary>
    public void Report(TrainingFileProblemKind kind, string message) => Report(LineNumber, kind, message);

    private void Report(long lineNumber, TrainingFileProblemKind kind, string message)
    {
        _problemCount++;
        if (_problems.Count < _maxProblems)
        {
            _problems.Add(new TrainingFileProblem(lineNumber, kind, message));
        }

        if (_stopAtMaxProblems && _problemCount >= _maxProblems)
        {
            Stopped = true;
        }
    }

    private void Append(ReadOnlySpan<byte> segment)
    {
        if (_oversized)
        {
            _oversizedLength += segment.Length;
            return;
        }

        int length = _pendingLength + segment.Length;
        if (length > _maxLineBytes)
        {
            // Over the limit: drop what was kept and only count the rest of the line.
            _oversized = true;
            _oversizedLength = length;
            _pendingLength = 0;
            return;
        }

        if (length > _pending.Length)
        {
            int capacity = (int)Math.Min(Math.Max((long)length, Math.Max(4096L, _pending.Length * 2L)), _maxLineBytes);
            byte[] grown = new byte[capacity];
            Buffer.BlockCopy(_pending, 0, grown, 0, _pendingLength);
            _pending = grown;
        }

        segment.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = length;
    }

    private void CompletePendingLine()
    {
        if (_oversized)
        {
            LineNumber++;
            _exampleCount++;
            Report(
                TrainingFileProblemKind.LineTooLong,
                string.Format(CultureInfo.InvariantCulture, "The line is {0:N0} bytes, more than the {1:N0}-byte limit; it was skipped.", _oversizedLength, _maxLineBytes));
            _oversized = false;
            _oversizedLength = 0;
            return;
        }

        int length = _pendingLength;
        _pendingLength = 0;
        CompleteLine(new ReadOnlySpan<byte>(_pending, 0, length));
    }

    private void CompleteLine(ReadOnlySpan<byte> line)
    {
        if (line.Length > _maxLineBytes)
        {
            _oversized = true;
            _oversizedLength = line.Length;
            CompletePendingLine();
            return;
        }

        LineNumber++;
        if (LineNumber == 1 && line.StartsWith(s_byteOrderMark))
        {
            line = line.Slice(s_byteOrderMark.Length);
        }

        if (!line.IsEmpty && line[line.Length - 1] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        if (IsBlank(line))
        {
            Report(TrainingFileProblemKind.EmptyLine, "The line is empty; every line must hold one example.");
            return;
        }

        _exampleCount++;
        long problemsBefore = _problemCount;
        TrainingExampleChecker.Check(line, this);
        if (_problemCount == problemsBefore)
        {
            _validExampleCount++;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
