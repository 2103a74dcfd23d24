using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// When an uploaded file expires (<c>expires_after</c>, OpenAI platform): <see cref="Seconds"/> after its
/// <see cref="Anchor"/>, the time it was created. The service accepts 3,600 (an hour) to 2,592,000 (30 days) seconds;
/// without a policy, a file is kept until it is deleted (a <c>batch</c> file: 30 days).
/// </summary>
public class FineTuningFileExpiration : ExtensibleModel<FineTuningFileExpiration>
{
    /// <summary>The anchor the spec defines, the file's creation time.</summary>
    public const string CreatedAtAnchor = "created_at";

    /// <summary>For serialization and the model reader.</summary>
    public FineTuningFileExpiration()
    {
    }

    /// <summary>A file that expires <paramref name="after"/> its creation (whole seconds).</summary>
    /// <param name="after">How long after its creation the file expires: an hour to 30 days.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is not positive.</exception>
    public FineTuningFileExpiration(TimeSpan after)
    {
        if (after <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, "The expiry must be positive.");
        }

        Anchor = CreatedAtAnchor;
        Seconds = (long)after.TotalSeconds;
    }

    /// <summary>The time the expiry counts from: <c>created_at</c>. Required. (<c>anchor</c>)</summary>
    [JsonPropertyName("anchor")]
    public string? Anchor { get; set; }

    /// <summary>The seconds after the anchor at which the file expires: 3,600 to 2,592,000. Required. (<c>seconds</c>)</summary>
    [JsonPropertyName("seconds")]
    public long? Seconds { get; set; }
}
