using System;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// Reads and writes the SDK's models exactly as the services do: snake_case names, unix-second timestamps, unknown
/// properties and unknown polymorphic kinds kept. Trim- and AOT-safe.
/// </summary>
/// <remarks>
/// Use these methods (or <see cref="Options"/>) rather than <see cref="JsonSerializer"/> with default options: the
/// defaults read known polymorphic kinds but reject kinds newer than this SDK.
/// <para>
/// Reading fails only with <see cref="JsonException"/> for any input that is not a document of the model: malformed or
/// truncated JSON, text that is not valid UTF-8, invalid escapes, values of the wrong JSON type, nesting deeper than 64
/// levels, and numbers beyond the range of the property (<c>1e400</c> for a <see cref="double"/> is rejected rather
/// than read as infinity, which could not be written back).
/// </para>
/// <para>
/// One kind of bad value is not an error: an optional timestamp, duration or date that is not in its format reads
/// null, and its raw JSON is kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// Timestamps are written as whole unix seconds; sub-second precision is not part of the services' contract.
/// </para>
/// </remarks>
public static class FoundryTrainingSerializer
{
    /// <summary>Read-only options backed by the SDK's source-generated metadata; compose them into your own serialization.</summary>
    public static JsonSerializerOptions Options => ModelSerialization.Options;

    /// <summary>Writes <paramref name="model"/> as JSON text.</summary>
    /// <typeparam name="T">A model type of this SDK.</typeparam>
    /// <param name="model">The model.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    /// <exception cref="JsonException">
    /// The model keeps unknown JSON holding a lone surrogate escape (<c>"\uD800"</c>): it was read and kept as it was,
    /// but System.Text.Json cannot write such text.
    /// </exception>
    public static string Serialize<T>(T model) => BinaryData.FromBytes(ModelSerialization.SerializeToUtf8Bytes(model, Options)).ToString();

    /// <summary>Writes <paramref name="model"/> as UTF-8 JSON.</summary>
    /// <typeparam name="T">A model type of this SDK.</typeparam>
    /// <param name="model">The model.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    /// <exception cref="JsonException">The model keeps unknown JSON holding a lone surrogate escape; see <see cref="Serialize{T}(T)"/>.</exception>
    public static BinaryData SerializeToBinaryData<T>(T model) => BinaryData.FromBytes(ModelSerialization.SerializeToUtf8Bytes(model, Options));

    /// <summary>Reads a model from JSON text.</summary>
    /// <typeparam name="T">A model type of this SDK.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or <see langword="null"/> for the JSON literal <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/> (see the remarks of <see cref="FoundryTrainingSerializer"/>).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    public static T? Deserialize<T>(string json)
    {
        Argument.AssertNotNull(json, nameof(json));
        return Deserialize<T>(BinaryData.FromString(json));
    }

    /// <summary>Reads a model from UTF-8 JSON.</summary>
    /// <typeparam name="T">A model type of this SDK.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The model, or <see langword="null"/> for the JSON literal <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">The data is not valid JSON for <typeparamref name="T"/> (see the remarks of <see cref="FoundryTrainingSerializer"/>).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    public static T? Deserialize<T>(BinaryData utf8Json)
    {
        Argument.AssertNotNull(utf8Json, nameof(utf8Json));
        return ModelSerialization.Deserialize<T>(utf8Json.ToMemory().Span, Options);
    }
}
