using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A job input binding: a data asset (<see cref="Uri"/>) or a literal <see cref="Value"/>.</summary>
public sealed class JobInput : ExtensibleModel<JobInput>
{
    /// <summary>Creates an input of the given type.</summary>
    /// <param name="jobInputType">The type of input, such as <see cref="AssetTypes.UriFolder"/> or <see cref="AssetTypes.Literal"/>.</param>
    public JobInput(AssetTypes jobInputType)
    {
        JobInputType = jobInputType;
    }

    [JsonConstructor]
    internal JobInput()
    {
    }

    /// <summary>The type of input (<c>job_input_type</c>).</summary>
    [JsonPropertyName("job_input_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public AssetTypes JobInputType { get; set; }

    /// <summary>The input asset URI. Required for <c>uri_file</c>, <c>uri_folder</c> and <c>safetensors_model</c> inputs.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    /// <summary>The delivery mode of a URI-based input.</summary>
    [JsonPropertyName("mode")]
    public InputOutputModes? Mode { get; set; }

    /// <summary>The literal value. Required for <c>literal</c> inputs.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (JobInputType.ToString() is null)
        {
            problems.Add(ValidationCollector.Property(path, "job_input_type"), "Required.");
        }
        else if (JobInputType == AssetTypes.UriFile || JobInputType == AssetTypes.UriFolder || JobInputType == AssetTypes.SafetensorsModel)
        {
            if (string.IsNullOrWhiteSpace(Uri))
            {
                problems.Add(ValidationCollector.Property(path, "uri"), $"Required for {JobInputType} inputs.");
            }
        }
        else if (JobInputType == AssetTypes.Literal && Value is null)
        {
            problems.Add(ValidationCollector.Property(path, "value"), "Required for literal inputs.");
        }
    }
}
