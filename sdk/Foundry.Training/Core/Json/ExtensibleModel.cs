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
    // Created on first use: most models read from a response carry no unknown property, and an empty dictionary per
    // model made a 100-job page allocate about a sixth more than it needs to.
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>
    /// JSON properties that have no typed counterpart in this version of the SDK, by wire name. Add entries to send
    /// properties the service understands before the SDK does.
    /// </summary>
    /// <remarks>
    /// Also holds, under its wire name, a value the service sent in a form the SDK cannot read: a timestamp, duration or
    /// date out of its format (<c>"started_at": "soon"</c>), a URI <see cref="System.Uri"/> rejects, an open enum that
    /// is not a string (<c>"status": 7</c>), a command job's training recipe this SDK cannot read (moved here when
    /// <c>CommandJob.Training</c> is first read). The typed property reads null (an open enum: its <see langword="default"/>),
    /// the rest of the model (and of its list page) reads normally, and the value is written back exactly as it came —
    /// unless the typed property has been given a value since, which is written instead.
    /// </remarks>
    [JsonIgnore]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        get => _additionalProperties ??= new Dictionary<string, JsonElement>();
        internal set => _additionalProperties = value;
    }

    /// <summary>What System.Text.Json reads unknown properties into and writes them from: null until one is seen or added.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? AdditionalPropertiesJson
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }
}
