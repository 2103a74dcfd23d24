using System.Collections;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// Applies the convention for collections the user fills (<c>IList&lt;T&gt; X { get; } = new List&lt;T&gt;();</c>):
/// they are read by adding to the pre-created instance, and an empty one is not written, because empty means "not set"
/// (a request must not send <c>"tags": []</c> or <c>"range": []</c> the user never asked for).
/// </summary>
internal static class GetOnlyCollections
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.Set is not null || property.Get is null || property.IsExtensionData ||
                property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            property.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
            property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 };
        }
    }
}
