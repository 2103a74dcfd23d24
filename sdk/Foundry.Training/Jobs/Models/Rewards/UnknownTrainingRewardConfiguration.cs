using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A reward whose <c>kind</c> this version of the SDK does not know (or that has none). Its discriminator and every
/// property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownTrainingRewardConfiguration : TrainingRewardConfiguration
{
    [JsonConstructor]
    internal UnknownTrainingRewardConfiguration()
    {
    }

    private protected override TrainingRewardKind? KindValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "kind") is string value ? new TrainingRewardKind(value) : default(TrainingRewardKind?);
}
