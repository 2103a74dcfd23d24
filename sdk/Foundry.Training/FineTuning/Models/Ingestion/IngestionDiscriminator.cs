using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>Reads the discriminator an <c>Unknown*</c> ingestion model keeps among its additional properties.</summary>
internal static class IngestionDiscriminator
{
    public static string? Read(ExtensibleModel model) =>
        model.AdditionalProperties.TryGetValue("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
}
