using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>
/// Base of every model: JSON properties this version of the SDK does not know are kept in
/// <see cref="AdditionalProperties"/> and written back unchanged, so reading and writing a model never loses data.
/// </summary>
public abstract class ExtensibleModel
{
    /// <summary>
    /// JSON properties that have no typed counterpart in this version of the SDK, by wire name. Add entries to send
    /// properties the service understands before the SDK does.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>();
}
