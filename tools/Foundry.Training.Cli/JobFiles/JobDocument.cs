using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Cli.JobFiles;

/// <summary>
/// A job file (<c>jobs create -f</c>): JSON, or YAML (<c>.yaml</c>, <c>.yml</c>) read as JSON, holding exactly the body the
/// service takes. Its shape says what it is: a <c>properties</c> object makes it a Foundry job, a <c>model</c> or
/// <c>training_file</c> a fine-tuning job. Models are read by <see cref="FoundryTrainingSerializer"/>, so the file reads
/// as the service would read it, unknown properties and kinds included.
/// </summary>
internal sealed class JobDocument
{
    /// <summary>A job file is a few kilobytes; anything this large is not one.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions s_json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private JobDocument(JobDocumentKind kind, JsonObject root)
    {
        Kind = kind;
        Root = root;
    }

    public JobDocumentKind Kind { get; }

    /// <summary>The document as JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>Reads a job file (which must exist).</summary>
    /// <exception cref="JobDocumentException">It is not JSON or YAML, or not a job of either kind.</exception>
    public static JobDocument Read(string path)
    {
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new JobDocumentException("$", $"The file is larger than {MaxBytes / (1024 * 1024)} MiB: not a job document.");
        }

        string text = File.ReadAllText(path);
        string extension = Path.GetExtension(path);
        bool yaml = extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
        return Parse(text, yaml);
    }

    /// <exception cref="JobDocumentException">The text is not a job document.</exception>
    public static JobDocument Parse(string text, bool yaml)
    {
        JsonNode? node = yaml ? YamlToJson.Convert(text) : ParseJson(text);
        if (node is not JsonObject root)
        {
            throw new JobDocumentException("$", "A job document is an object: a Foundry job ({\"name\", \"properties\"}) or a fine-tuning job ({\"model\", \"training_file\", ...}).");
        }

        if (root.ContainsKey("properties"))
        {
            return new JobDocument(JobDocumentKind.Foundry, root);
        }

        if (root.ContainsKey("model") || root.ContainsKey("training_file"))
        {
            return new JobDocument(JobDocumentKind.FineTuning, root);
        }

        throw new JobDocumentException("$", "Neither kind of job: a Foundry job has \"properties\" (with \"job_type\": \"command\"), a fine-tuning job has \"model\" and \"training_file\".");
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: s_json);
        }
        catch (JsonException ex)
        {
            throw new JobDocumentException("$", $"line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}: {WithoutPosition(ex.Message)}");
        }
    }

    /// <summary>What the serializer could not read, with the reason when it has one ("Cannot get the value of a token type 'String' as a number").</summary>
    public static string Describe(JsonException exception) =>
        exception.InnerException is { Message: { Length: > 0 } reason } ? $"{WithoutPosition(exception.Message).TrimEnd('.')} ({reason.TrimEnd('.')})." : WithoutPosition(exception.Message);

    /// <summary>A serializer message without the position System.Text.Json appends (" Path: $.x | LineNumber: 0 | ..."): the JSON path is given apart.</summary>
    public static string WithoutPosition(string message)
    {
        int position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (position < 0)
        {
            position = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return position < 0 ? message : message[..position];
    }
}
