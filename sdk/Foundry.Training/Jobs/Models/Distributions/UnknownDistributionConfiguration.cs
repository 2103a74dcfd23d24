using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A distribution configuration whose <c>distribution_type</c> this version of the SDK does not know (or that has none).
/// Its discriminator and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownDistributionConfiguration : DistributionConfiguration
{
    [JsonConstructor]
    internal UnknownDistributionConfiguration()
    {
    }

    private protected override string? DistributionTypeValue => UnknownDiscriminator.Read(AdditionalProperties, "distribution_type");
}
