using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A training recipe whose <c>algorithm</c> this version of the SDK does not know (or that has none). The common recipe
/// properties are typed; the discriminator and every other property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownTrainingConfiguration : TrainingConfiguration
{
    [JsonConstructor]
    internal UnknownTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "algorithm") is string value ? new TrainingAlgorithm(value) : default(TrainingAlgorithm?);
}
