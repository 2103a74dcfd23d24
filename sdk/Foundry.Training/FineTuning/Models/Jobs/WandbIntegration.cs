using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Where a fine-tuning job sends its metrics in Weights and Biases (OpenAI platform).</summary>
public class WandbIntegration : ExtensibleModel<WandbIntegration>
{
    private IList<string>? _tags;

    /// <summary>Creates empty settings; set <see cref="Project"/>.</summary>
    public WandbIntegration()
    {
    }

    /// <summary>Creates settings for a project.</summary>
    /// <param name="project">The project the run is created under.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="project"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="project"/> is empty.</exception>
    public WandbIntegration(string project)
    {
        Argument.AssertNotNullOrEmpty(project, nameof(project));
        Project = project;
    }

    /// <summary>The project the run is created under. Required. (<c>project</c>)</summary>
    [JsonPropertyName("project")]
    public string? Project { get; set; }

    /// <summary>Display name of the run; the job id when not set. (<c>name</c>)</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The team or user the run belongs to; the API key's default entity when not set. (<c>entity</c>)</summary>
    [JsonPropertyName("entity")]
    public string? Entity { get; set; }

    /// <summary>Tags attached to the run, in addition to the ones OpenAI adds. (<c>tags</c>)</summary>
    [JsonIgnore]
    public IList<string> Tags => OnDemand.List(ref _tags);

    [JsonInclude]
    [JsonPropertyName("tags")]
    internal IList<string>? TagsJson
    {
        get => OnDemand.ForWriting(_tags);
        set => _tags = value;
    }
}
