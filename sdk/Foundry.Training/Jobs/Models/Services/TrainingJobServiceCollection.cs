using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Services exposed by a training job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class TrainingJobServiceCollection : ExtensibleModel<TrainingJobServiceCollection>
{
    [JsonConstructor]
    internal TrainingJobServiceCollection()
    {
    }

    /// <summary>Services keyed by service name.</summary>
    [JsonPropertyName("services")]
    [JsonInclude]
    public IReadOnlyDictionary<string, TrainingJobService> Services { get; internal set; } = new Dictionary<string, TrainingJobService>();
}
