using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>The datasets of a declarative training job.</summary>
public sealed class TrainingDatasetConfiguration : ExtensibleModel<TrainingDatasetConfiguration>
{
    /// <summary>Creates a dataset configuration.</summary>
    /// <param name="train">The training dataset asset reference.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="train"/> is null.</exception>
    public TrainingDatasetConfiguration(string train)
    {
        Argument.AssertNotNull(train, nameof(train));
        Train = train;
    }

    [JsonConstructor]
    internal TrainingDatasetConfiguration()
    {
        Train = null!;
    }

    /// <summary>The training dataset asset reference. Required.</summary>
    [JsonPropertyName("train")]
    public string Train { get; set; }

    /// <summary>The evaluation dataset asset reference.</summary>
    [JsonPropertyName("eval")]
    public string? Eval { get; set; }

    /// <summary>The mapping from training fields to dataset columns.</summary>
    [JsonPropertyName("columns")]
    public TrainingColumnMapping? Columns { get; set; }

    /// <summary>Formatting options for conversational data.</summary>
    [JsonPropertyName("data_format")]
    public TrainingDataFormatConfiguration? DataFormat { get; set; }
}
