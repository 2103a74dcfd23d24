using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Cli.Output;

/// <summary>
/// <c>--output json</c>: the SDK's models exactly as the services send them (through <see cref="FoundryTrainingSerializer"/>,
/// so nothing unknown is lost), indented; lists as arrays written as they are read; streams as one object per line.
/// </summary>
internal sealed class JsonOutput(TextWriter writer)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A model as the service's JSON.</summary>
    public static JsonNode Model<T>(T model) => JsonNode.Parse(FoundryTrainingSerializer.Serialize(model))!;

    public void Write(JsonNode? document) => writer.WriteLine(document?.ToJsonString(s_indented) ?? "null");

    public void WriteModel<T>(T model) => Write(Model(model));

    /// <summary>One object on one line (JSON Lines), for streams such as <c>jobs watch</c>.</summary>
    public void WriteLine(JsonNode document)
    {
        writer.WriteLine(document.ToJsonString(s_compact));
        writer.Flush();
    }

    /// <summary>An array, each item written as soon as it is read: a long list is never held in memory.</summary>
    public async Task WriteArrayAsync<T>(IAsyncEnumerable<T> items, Func<T, JsonNode> toJson, CancellationToken cancellationToken)
    {
        bool first = true;
        writer.Write('[');
        await foreach (T item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            writer.Write(first ? "\n  " : ",\n  ");
            writer.Write(toJson(item).ToJsonString(s_indented).ReplaceLineEndings("\n  "));
            first = false;
        }

        writer.WriteLine(first ? "]" : "\n]");
    }
}
