using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.JobFiles;

/// <summary>
/// A Foundry job document read into the SDK's models: the body of <c>POST /training_jobs</c>, <c>{"name", "properties"}</c>,
/// checked with <see cref="JobProperties.Validate"/>. Problem paths are from the document's root
/// (<c>$.properties.training.learning_rate</c>).
/// </summary>
internal sealed record FoundryJobRequest(string Name, JobProperties Properties)
{
    /// <param name="document">The document.</param>
    /// <param name="name">A name from the command line (<c>--name</c>), which wins over the document's; without either, one is made up.</param>
    /// <param name="computeId">A compute for a document without <c>compute_id</c> (<c>--compute</c>, <c>FOUNDRY_COMPUTE_ID</c>).</param>
    /// <param name="now">For a made-up name.</param>
    /// <exception cref="JobDocumentException">Every problem found.</exception>
    public static FoundryJobRequest Read(JobDocument document, string? name, string? computeId, DateTimeOffset now)
    {
        JsonObject root = document.Root;
        var problems = new List<ValidationProblem>();
        foreach ((string key, _) in root)
        {
            if (key is not "name" and not "properties")
            {
                problems.Add(new ValidationProblem($"$.{key}", "Not part of a Foundry job: a job document has \"name\" and \"properties\" (put job settings inside \"properties\")."));
            }
        }

        string? documentName = null;
        if (root["name"] is JsonNode nameNode)
        {
            if (nameNode is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0)
            {
                documentName = text;
            }
            else
            {
                problems.Add(new ValidationProblem("$.name", "Must be a non-empty string."));
            }
        }

        if (root["properties"] is not JsonObject properties)
        {
            problems.Add(new ValidationProblem("$.properties", "Must be an object with \"job_type\": \"command\" and the job's settings."));
            throw new JobDocumentException(problems);
        }

        if (properties["job_type"] is null)
        {
            problems.Add(new ValidationProblem("$.properties.job_type", "Required: \"command\"."));
            throw new JobDocumentException(problems);
        }

        properties = (JsonObject)properties.DeepClone();
        if (computeId is not null && properties["compute_id"] is null)
        {
            properties["compute_id"] = computeId;
        }

        JobProperties? model = null;
        try
        {
            // A command job read as itself reports a wrong value at its path; read through the polymorphic base, a
            // failure anywhere inside is reported at the base's path only.
            string json = properties.ToJsonString();
            model = properties["job_type"] is JsonValue type && type.TryGetValue(out string? jobType) && jobType == "command"
                ? FoundryTrainingSerializer.Deserialize<CommandJob>(json)
                : FoundryTrainingSerializer.Deserialize<JobProperties>(json);
        }
        catch (JsonException ex)
        {
            problems.Add(new ValidationProblem(Rebase(ex.Path ?? "$"), JobDocument.Describe(ex)));
        }

        if (model is not null)
        {
            problems.AddRange(model.Validate().Problems.Select(problem => new ValidationProblem(Rebase(problem.Path), problem.Message)));
        }

        if (problems.Count > 0 || model is null)
        {
            throw new JobDocumentException(problems);
        }

        return new FoundryJobRequest(name ?? documentName ?? MadeUpName(now), model);
    }

    /// <summary>A path relative to <c>properties</c> as a path from the document's root.</summary>
    private static string Rebase(string path) => "$.properties" + path[1..];

    /// <summary><c>job-20250102-130405-a1b2</c>: sortable, and unlikely to be taken.</summary>
    private static string MadeUpName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"job-{now.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");
}
