using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A reference to a Python callable relative to the job's code directory.</summary>
public sealed class TrainingEntryPointReference : ExtensibleModel<TrainingEntryPointReference>
{
    /// <summary>Creates a reference.</summary>
    /// <param name="entryPoint">The callable, as <c>module/file.py:function</c>.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="entryPoint"/> is null.</exception>
    public TrainingEntryPointReference(string entryPoint)
    {
        Argument.AssertNotNull(entryPoint, nameof(entryPoint));
        EntryPoint = entryPoint;
    }

    [JsonConstructor]
    internal TrainingEntryPointReference()
    {
        EntryPoint = null!;
    }

    /// <summary>The callable, as <c>module/file.py:function</c>. Required.</summary>
    [JsonPropertyName("entry_point")]
    public string EntryPoint { get; set; }
}
