using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>The request body that creates a training job: <c>{name, properties}</c>.</summary>
internal sealed class JobCreate : ExtensibleModel
{
    public JobCreate(string name, JobProperties properties)
    {
        Argument.AssertNotNull(name, nameof(name));
        Argument.AssertNotNull(properties, nameof(properties));
        Name = name;
        Properties = properties;
    }

    [JsonPropertyName("name")]
    public string Name { get; }

    [JsonPropertyName("properties")]
    public JobProperties Properties { get; }
}
