using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A job output binding.</summary>
public sealed class JobOutput : ExtensibleModel<JobOutput>
{
    /// <summary>Creates an output of the given type.</summary>
    /// <param name="jobOutputType">The type of output, such as <see cref="AssetTypes.UriFolder"/>. <see cref="AssetTypes.Literal"/> is not allowed for outputs.</param>
    public JobOutput(AssetTypes jobOutputType)
    {
        JobOutputType = jobOutputType;
    }

    [JsonConstructor]
    internal JobOutput()
    {
    }

    /// <summary>The type of output (<c>job_output_type</c>).</summary>
    [JsonPropertyName("job_output_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public AssetTypes JobOutputType { get; set; }

    /// <summary>The output delivery mode.</summary>
    [JsonPropertyName("mode")]
    public InputOutputModes? Mode { get; set; }

    /// <summary>The name of the output data asset to register.</summary>
    [JsonPropertyName("asset_name")]
    public string? AssetName { get; set; }

    /// <summary>The version of the output data asset to register.</summary>
    [JsonPropertyName("asset_version")]
    public string? AssetVersion { get; set; }

    /// <summary>The output asset URI.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    /// <summary>The base model ID. Applies to <c>safetensors_model</c> outputs.</summary>
    [JsonPropertyName("base_model_id")]
    public string? BaseModelId { get; set; }

    /// <summary>The description of the output.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (JobOutputType.ToString() is null)
        {
            problems.Add(ValidationCollector.Property(path, "job_output_type"), "Required.");
        }
        else if (JobOutputType == AssetTypes.Literal)
        {
            problems.Add(ValidationCollector.Property(path, "job_output_type"), "Literal is only allowed for inputs.");
        }
    }
}
