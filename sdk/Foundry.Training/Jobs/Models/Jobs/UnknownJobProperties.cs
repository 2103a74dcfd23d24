using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// Job properties whose <c>job_type</c> this version of the SDK does not know (or that have none). The discriminator
/// and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownJobProperties : JobProperties
{
    [JsonConstructor]
    internal UnknownJobProperties()
    {
    }

    private protected override JobType? JobTypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "job_type") is string value ? new JobType(value) : default(JobType?);
}
