using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// What a delete answers (<c>{id, object, deleted}</c>): a file (<c>file</c>) or a checkpoint permission
/// (<c>checkpoint.permission</c>). Where the service answers <c>204 No Content</c> (Azure OpenAI), the result is
/// built from the request: the id that was deleted, <see cref="Deleted"/> true and no <see cref="Object"/>.
/// </summary>
public class FineTuningDeletionResult : ExtensibleModel<FineTuningDeletionResult>
{
    /// <summary>The id of what was deleted. (<c>id</c>)</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public string? Id { get; internal set; }

    /// <summary>The type of what was deleted, such as <c>file</c>; null when the service sent no body. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>Whether it was deleted. (<c>deleted</c>)</summary>
    [JsonPropertyName("deleted")]
    [JsonInclude]
    public bool? Deleted { get; internal set; }
}
