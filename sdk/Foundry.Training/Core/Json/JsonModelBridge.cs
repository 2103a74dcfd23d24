using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// What every model's <see cref="IJsonModel{T}"/> does: read and write through <see cref="ModelSerialization"/>, so
/// <see cref="ModelReaderWriter"/> and <see cref="FoundryTrainingSerializer"/> are one serializer with one behaviour
/// (unknown properties and kinds kept, lenient optional values, unix-second timestamps).
/// </summary>
/// <remarks>
/// The models speak JSON only. Format <c>"J"</c> and the wire format <c>"W"</c> are the same document: the SDK writes
/// everything a model holds, read-only values included, because a model written and read back must lose nothing.
/// </remarks>
internal static class JsonModelBridge
{
    /// <summary>The format the models use on the wire: JSON.</summary>
    public const string Format = "J";

    public static void Write<T>(T model, Utf8JsonWriter writer, ModelReaderWriterOptions options)
    {
        Argument.AssertNotNull(writer, nameof(writer));
        AssertJson<T>(options);
        ModelSerialization.Serialize(writer, model, ModelSerialization.Options);
    }

    public static BinaryData Write<T>(T model, ModelReaderWriterOptions options)
    {
        AssertJson<T>(options);
        return BinaryData.FromBytes(ModelSerialization.SerializeToUtf8Bytes(model, ModelSerialization.Options));
    }

    public static T? Read<T>(ref Utf8JsonReader reader, ModelReaderWriterOptions options)
    {
        AssertJson<T>(options);
        return ModelSerialization.Deserialize<T>(ref reader, ModelSerialization.Options);
    }

    public static T? Read<T>(BinaryData data, ModelReaderWriterOptions options)
    {
        Argument.AssertNotNull(data, nameof(data));
        AssertJson<T>(options);
        return ModelSerialization.Deserialize<T>(data.ToMemory().Span, ModelSerialization.Options);
    }

    /// <summary>Accepts <c>"J"</c> and <c>"W"</c>; any other format (<c>"X"</c> for XML) is a <see cref="FormatException"/>, as the interfaces document.</summary>
    private static void AssertJson<T>(ModelReaderWriterOptions options)
    {
        Argument.AssertNotNull(options, nameof(options));
        if (options.Format is not (Format or "W"))
        {
            throw new FormatException($"{typeof(T).Name} is read and written as JSON (format \"J\" or \"W\"), not in format \"{options.Format}\".");
        }
    }
}
