namespace Foundry.Training.FineTuning;

/// <summary>
/// A compute of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionJobCompute : IngestionJobCompute
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);
}
