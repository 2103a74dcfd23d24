using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// A model property read from a response but not parsed until first asked for: its JSON is kept as it came (copied
/// out of the response while the rest of the document is read) and parsed on the first read of the property. Used for
/// large parts of a model that most callers never look at — a command job's training recipe is half of a GRPO job's
/// bytes, and a status poll or a list of jobs reads none of it.
/// </summary>
/// <remarks>
/// Until it is parsed the JSON is written back exactly as it came. A value set in code is held as it is. Parsing runs
/// once, under a lock, so readers on several threads see one instance; see <see cref="DeferredModel"/> for what
/// happens to JSON that cannot be read as <typeparamref name="T"/>.
/// </remarks>
/// <typeparam name="T">The property's model type (a polymorphic family's base reads any member).</typeparam>
internal sealed class DeferredModel<T>
    where T : class
{
    private readonly object _gate = new();
    private byte[]? _json;
    private JsonSerializerOptions? _options;
    private T? _value;

    /// <summary>Holds a value set in code.</summary>
    public DeferredModel(T value)
    {
        _value = value;
    }

    /// <summary>Holds JSON read from a document, to be parsed with <paramref name="options"/> on first use.</summary>
    /// <param name="json">A complete JSON object, already checked to be well-formed by the reader that copied it.</param>
    /// <param name="options">The options to parse it with.</param>
    public DeferredModel(byte[] json, JsonSerializerOptions options)
    {
        _json = json;
        _options = options;
    }

    /// <summary>Parses the JSON on first call; false (with the JSON as <paramref name="unreadable"/>) when it is not a <typeparamref name="T"/>.</summary>
    public bool TryGetValue(out T? value, out JsonElement unreadable)
    {
        lock (_gate)
        {
            unreadable = default;
            if (_json is byte[] json)
            {
                try
                {
                    _value = ModelSerialization.Deserialize<T>(json, _options!) ?? throw new JsonException("The value is the JSON literal null.");
                }
                catch (JsonException)
                {
                    using JsonDocument document = JsonDocument.Parse(json);
                    unreadable = document.RootElement.Clone();
                    value = null;
                    return false;
                }

                _json = null;
                _options = null;
            }

            value = _value;
            return true;
        }
    }

    /// <summary>Writes the value, or the JSON as it came while it has not been parsed.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        byte[]? json;
        T? value;
        lock (_gate)
        {
            json = _json;
            value = _value;
        }

        if (json is null)
        {
            ModelSerialization.Serialize(writer, value, options);
        }
        else if (writer.Options.Indented)
        {
            // Raw bytes would keep the response's layout inside indented output.
            using JsonDocument document = JsonDocument.Parse(json);
            document.RootElement.WriteTo(writer);
        }
        else
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }
}
