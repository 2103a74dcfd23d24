using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>Reads the discriminator an <c>Unknown*</c> model keeps in its extension data.</summary>
internal static class UnknownDiscriminator
{
    /// <summary>The discriminator value, or <see langword="null"/> when it is absent or not a JSON string.</summary>
    public static string? Read(IDictionary<string, JsonElement> additionalProperties, string name) =>
        additionalProperties.TryGetValue(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
