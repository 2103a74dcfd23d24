using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Foundry.Training.Jobs;

/// <summary>
/// Where a log stream (<c>TrainingJobsClient.StreamLogsAsync</c>) stands: the attempt it reads and, for each of its
/// log files, the byte offset of the first line not yet read. Every <see cref="TrainingLogLine"/> carries the position
/// after it; pass that back to resume with no line repeated and none lost. <see cref="ToString"/> and
/// <see cref="Parse"/> turn it into a string and back, to keep it across process restarts.
/// </summary>
public sealed class TrainingLogPosition
{
    /// <summary>
    /// The longest line read as one, in bytes (1 MiB): a longer line is cut there and yields as several
    /// <see cref="TrainingLogLine"/>s (<see cref="TrainingLogLine.ContinuesOnNextLine"/>), so a file without line breaks
    /// never makes the reader hold more than this.
    /// </summary>
    public const int MaximumLineBytes = 1024 * 1024;

    private readonly IReadOnlyDictionary<string, long> _before;
    private readonly string? _path;
    private readonly long _offset;
    private IReadOnlyDictionary<string, long>? _offsets;

    /// <summary>Creates a position.</summary>
    /// <param name="attemptId">The attempt being read.</param>
    /// <param name="offsets">For each log file read so far (by artifact path), the byte offset to read on from; a file not in it is read from its start.</param>
    /// <exception cref="ArgumentException"><paramref name="attemptId"/> cannot be a path segment, or <paramref name="offsets"/> is null, has an empty path or a negative offset.</exception>
    public TrainingLogPosition(string attemptId, IReadOnlyDictionary<string, long> offsets)
    {
        PathSegment.Assert(attemptId, nameof(attemptId));
        Argument.AssertNotNull(offsets, nameof(offsets));
        var copy = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> pair in offsets)
        {
            if (string.IsNullOrEmpty(pair.Key) || pair.Value < 0)
            {
                throw new ArgumentException($"Every log file needs a path and an offset of 0 or more; '{pair.Key}' has {pair.Value}.", nameof(offsets));
            }

            copy[pair.Key] = pair.Value;
        }

        AttemptId = attemptId;
        _before = copy;
        _offsets = copy;
    }

    /// <summary>The position of a stream that read <paramref name="before"/>, and then <paramref name="path"/> up to <paramref name="offset"/>.</summary>
    internal TrainingLogPosition(string attemptId, IReadOnlyDictionary<string, long> before, string? path, long offset)
    {
        AttemptId = attemptId;
        _before = before;
        _path = path;
        _offset = offset;
    }

    /// <summary>The attempt being read.</summary>
    public string AttemptId { get; }

    /// <summary>For each log file read so far (by artifact path), the byte offset of its first line not yet read.</summary>
    public IReadOnlyDictionary<string, long> Offsets => _offsets ??= Merge();

    /// <summary>The position as a compact string (JSON), to save and <see cref="Parse"/> later.</summary>
    /// <returns>The string.</returns>
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("attempt_id", AttemptId);
            writer.WriteStartObject("offsets");
            foreach (KeyValuePair<string, long> pair in Offsets)
            {
                writer.WriteNumber(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a position saved with <see cref="ToString"/>.</summary>
    /// <param name="value">The saved string.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or not a saved position.</exception>
    public static TrainingLogPosition Parse(string value)
    {
        Argument.AssertNotNullOrEmpty(value, nameof(value));
        try
        {
            using JsonDocument document = JsonDocument.Parse(value);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("attempt_id", out JsonElement attempt) && attempt.ValueKind == JsonValueKind.String &&
                root.TryGetProperty("offsets", out JsonElement files) && files.ValueKind == JsonValueKind.Object)
            {
                var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (JsonProperty file in files.EnumerateObject())
                {
                    offsets[file.Name] = file.Value.GetInt64();
                }

                return new TrainingLogPosition(attempt.GetString()!, offsets);
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ArgumentException("The value is not a log position saved with TrainingLogPosition.ToString(). " + ex.Message, nameof(value), ex);
        }

        throw new ArgumentException("The value is not a log position saved with TrainingLogPosition.ToString(): it needs 'attempt_id' and 'offsets'.", nameof(value));
    }

    private Dictionary<string, long> Merge()
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> pair in _before)
        {
            offsets[pair.Key] = pair.Value;
        }

        if (_path is not null)
        {
            offsets[_path] = _offset;
        }

        return offsets;
    }
}
