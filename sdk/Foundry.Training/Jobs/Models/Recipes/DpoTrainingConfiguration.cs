using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Direct preference optimization recipe (<c>algorithm</c> <c>dpo</c>).</summary>
public sealed class DpoTrainingConfiguration : PreferenceTrainingConfiguration
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public DpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal DpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Dpo;
}
