using System;
using System.Text;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// One file of a fine-tuning service. An upload is processed step by step — Azure OpenAI: <c>pending</c>, then
/// <c>running</c>, then <c>processed</c>; OpenAI: <c>uploaded</c>, then <c>processed</c> — and ends in <c>error</c>
/// instead when a <c>fine-tune</c> file is empty or has a line that is not a JSON object. Not thread-safe.
/// </summary>
internal sealed class EmulatedFile
{
    private readonly FineTuningFlavor _flavor;
    private readonly TimeSpan _interval;
    private readonly string? _problem;
    private DateTimeOffset _nextTickAt;
    private int _ticks;

    public EmulatedFile(FineTuningFlavor flavor, string id, long sequence, string fileName, string purpose, long bytes, byte[] content, bool truncated, DateTimeOffset now, TimeSpan interval, bool processed, DateTimeOffset? expiresAt = null)
    {
        ExpiresAt = expiresAt;
        _flavor = flavor;
        Id = id;
        Sequence = sequence;
        FileName = fileName;
        Purpose = purpose;
        Bytes = bytes;
        Content = content;
        Truncated = truncated;
        CreatedAt = now;
        _interval = interval;
        _nextTickAt = now + interval;
        _problem = purpose == "fine-tune" && !truncated ? FindProblem(content) : null;
        Status = processed ? FileState.Processed : flavor.IsAzure ? FileState.Pending : FileState.Uploaded;
    }

    public string Id { get; }

    public long Sequence { get; }

    public string FileName { get; }

    public string Purpose { get; }

    public long Bytes { get; }

    /// <summary>The first <see cref="FoundryTrainingEmulatorOptions.MaxStoredFileBytes"/> bytes.</summary>
    public byte[] Content { get; }

    public bool Truncated { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the file expires (OpenAI <c>expires_after</c>); null when it is kept until deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public FileState Status { get; private set; }

    public string? StatusDetails { get; private set; }

    public bool IsSettled => Status == FileState.Processed || Status == FileState.Error;

    public void AdvanceTo(DateTimeOffset now)
    {
        while (!IsSettled && _nextTickAt <= now)
        {
            _ticks++;
            _nextTickAt += _interval;
            if (_flavor.IsAzure && _ticks == 1)
            {
                Status = FileState.Running;
                continue;
            }

            Status = _problem is null ? FileState.Processed : FileState.Error;
            StatusDetails = _problem;
        }
    }

    public FineTuningFile ToModel() =>
        FineTuningModelFactory.FineTuningFile(
            id: Id,
            fileName: FileName,
            purpose: Purpose,
            status: Status,
            bytes: Bytes,
            createdAt: CreatedAt,
            statusDetails: StatusDetails,
            expiresAt: ExpiresAt);

    /// <summary>A training file must have at least one line, and every non-blank line must be a JSON object.</summary>
    private static string? FindProblem(byte[] content)
    {
        string text = Encoding.UTF8.GetString(content);
        string[] lines = text.Split('\n');
        int examples = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return $"Invalid file format. Line {i + 1} is not a JSON object.";
                }
            }
            catch (JsonException)
            {
                return $"Invalid file format. Line {i + 1} is not valid JSON.";
            }

            examples++;
        }

        return examples == 0 ? "Invalid file format. The file contains no training examples." : null;
    }
}
