using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>An inline Python function definition for custom training logic.</summary>
public sealed class TrainingInlineFunctionConfiguration : ExtensibleModel<TrainingInlineFunctionConfiguration>
{
    /// <summary>Creates an inline function.</summary>
    /// <param name="definition">The Python function definition (<c>def</c>).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public TrainingInlineFunctionConfiguration(string definition)
    {
        Argument.AssertNotNull(definition, nameof(definition));
        Definition = definition;
    }

    [JsonConstructor]
    internal TrainingInlineFunctionConfiguration()
    {
        Definition = null!;
    }

    /// <summary>The Python function definition (<c>def</c>). Required.</summary>
    [JsonPropertyName("def")]
    public string Definition { get; set; }

    /// <summary>The runtime dependencies of the function.</summary>
    [JsonPropertyName("runtime")]
    public TrainingInlineFunctionRuntime? Runtime { get; set; }
}
