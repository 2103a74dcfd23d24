using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Odds ratio preference optimization recipe (<c>algorithm</c> <c>orpo</c>).</summary>
public sealed class OrpoTrainingConfiguration : PreferenceTrainingConfiguration
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public OrpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal OrpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Orpo;
}
