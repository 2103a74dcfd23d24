using System.Globalization;
using System.Text;

namespace Foundry.Training.Benchmarks.Payloads;

/// <summary>
/// Canned OpenAI-platform fine-tuning responses, shaped like the service's (every field a finished job carries:
/// supervised and DPO methods, W&amp;B integrations, metadata, result files), deterministic and readable by every peer.
/// </summary>
public static class FineTuningPayloads
{
    /// <summary>The id of job <paramref name="index"/>; the digits let the loopback server find the next page from <c>after</c>.</summary>
    public static string JobId(int index) => "ftjob-" + index.ToString("D7", CultureInfo.InvariantCulture);

    /// <param name="index">Which job.</param>
    /// <param name="unknownProperty">Adds <c>user_provided_suffix</c>, which the service sends (see the spec's examples) but its schema does not list: the SDK keeps it as an unknown property.</param>
    public static string Job(int index, bool unknownProperty = false)
    {
        bool dpo = index % 3 == 0;
        string hyper = dpo
            ? """{"n_epochs":3,"batch_size":8,"learning_rate_multiplier":0.5,"beta":0.1}"""
            : """{"n_epochs":4,"batch_size":16,"learning_rate_multiplier":1.8}""";

        // The job's own (legacy) hyperparameters have no beta in the schema: only the DPO method's do.
        string jobHyper = dpo ? """{"n_epochs":3,"batch_size":8,"learning_rate_multiplier":0.5}""" : hyper;
        string method = dpo
            ? $$$"""{"type":"dpo","dpo":{"hyperparameters":{{{hyper}}}}}"""
            : $$$"""{"type":"supervised","supervised":{"hyperparameters":{{{hyper}}}}}""";
        string integrations = index % 2 == 0
            ? $$$"""[{"type":"wandb","wandb":{"project":"fine-tunes","name":"run-{{{index}}}","entity":"contoso","tags":["nightly","gpt-4o-mini"]}}]"""
            : "[]";
        long created = 1_721_764_800 + index;
        return $$$"""
            {"object":"fine_tuning.job","id":"{{{JobId(index)}}}","model":"gpt-4o-mini-2024-07-18","created_at":{{{created}}},"finished_at":{{{created + 3600}}},"fine_tuned_model":"ft:gpt-4o-mini-2024-07-18:contoso:support-bot:{{{index:D7}}}","organization_id":"org-contoso","result_files":["file-result-{{{index}}}"],"status":"succeeded","validation_file":"file-validation-{{{index % 17}}}","training_file":"file-train-{{{index % 23}}}","hyperparameters":{{{jobHyper}}},"trained_tokens":{{{5768 + index}}},"integrations":{{{integrations}}},"seed":{{{index}}},"estimated_finish":null,"error":null,"suffix":"support-bot","method":{{{method}}},"metadata":{"team":"support","ticket":"T-{{{index}}}"}{{{(unknownProperty ? ",\"user_provided_suffix\":\"support-bot\"" : string.Empty)}}}}
            """.Trim();
    }

    /// <summary>A page of <paramref name="count"/> jobs from <paramref name="start"/>, as <c>GET /fine_tuning/jobs</c> returns it.</summary>
    public static string Page(int start, int count, bool hasMore, bool unknownProperty = false)
    {
        var builder = new StringBuilder("""{"object":"list","data":[""");
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Job(start + i, unknownProperty));
        }

        builder.Append("],\"has_more\":").Append(hasMore ? "true" : "false").Append('}');
        return builder.ToString();
    }

    public static byte[] PageUtf8(int start, int count, bool hasMore, bool unknownProperty = false) => Encoding.UTF8.GetBytes(Page(start, count, hasMore, unknownProperty));

    /// <summary>A small job (no method, no integrations): what the per-call overhead benchmark returns.</summary>
    public const string SmallJob = """{"object":"fine_tuning.job","id":"ftjob-small","model":"gpt-4o-mini","created_at":1721764800,"status":"running","training_file":"file-t"}""";

    /// <summary>The answer to an upload.</summary>
    public const string UploadedFile = """{"object":"file","id":"file-upload","purpose":"fine-tune","filename":"train.jsonl","bytes":1073741824,"created_at":1721764800,"status":"processed"}""";
}
