using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Kahneman-Tversky optimization recipe (<c>algorithm</c> <c>kto</c>).</summary>
public sealed class KtoTrainingConfiguration : PreferenceTrainingConfiguration
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public KtoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal KtoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Kto;
}
