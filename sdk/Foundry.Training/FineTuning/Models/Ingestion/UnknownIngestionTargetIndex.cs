namespace Foundry.Training.FineTuning;

/// <summary>
/// A target index of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionTargetIndex : IngestionTargetIndex
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);
}
