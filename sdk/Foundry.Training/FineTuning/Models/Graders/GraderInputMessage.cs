using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A message given to a model grader (<c>EvalItem</c>); its content may contain templates such as <c>{{item.label}}</c>.</summary>
public class GraderInputMessage : ExtensibleModel<GraderInputMessage>
{
    /// <summary>Creates an empty message; set <see cref="Role"/> and <see cref="Content"/>.</summary>
    public GraderInputMessage()
    {
    }

    /// <summary>Creates a text message.</summary>
    /// <param name="role">Who speaks.</param>
    /// <param name="text">The text; may contain templates.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    public GraderInputMessage(GraderMessageRole role, string text)
    {
        Argument.AssertNotNull(text, nameof(text));
        Role = role;
        Content = text;
    }

    /// <summary>Who speaks. Required. (<c>role</c>)</summary>
    [JsonPropertyName("role")]
    public GraderMessageRole? Role { get; set; }

    /// <summary>
    /// The content: a string, one content item (<c>{"type": "input_text", "text": ...}</c>, <c>output_text</c>,
    /// <c>input_image</c>, <c>input_audio</c>) or an array of them, exactly as sent. Required. (<c>content</c>)
    /// </summary>
    [JsonPropertyName("content")]
    public JsonNode? Content { get; set; }

    /// <summary>The message type, <c>message</c> when set. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
