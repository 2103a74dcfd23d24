namespace Foundry.Training.FineTuning;

/// <summary>
/// An ingestion job of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionJob : IngestionJob
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);
}
