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

    [JsonConstructor]
    internal JobCreate()
    {
        Name = null!;
        Properties = null!;
    }

    [JsonPropertyName("name")]
    public string Name { get; set; }

    [JsonPropertyName("properties")]
    public JobProperties Properties { get; set; }
}
