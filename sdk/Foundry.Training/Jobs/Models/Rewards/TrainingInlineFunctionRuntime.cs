using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>The Python runtime dependencies of an inline function.</summary>
public sealed class TrainingInlineFunctionRuntime : ExtensibleModel<TrainingInlineFunctionRuntime>
{
    private IList<string>? _pip;

    /// <summary>Pip packages to install before invoking the inline function, such as <c>numpy&gt;=1.26</c>.</summary>
    [JsonIgnore]
    public IList<string> Pip => OnDemand.List(ref _pip);

    [JsonInclude]
    [JsonPropertyName("pip")]
    internal IList<string>? PipJson
    {
        get => OnDemand.ForWriting(_pip);
        set => _pip = value;
    }
}
