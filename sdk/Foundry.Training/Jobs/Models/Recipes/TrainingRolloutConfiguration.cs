using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Rollout generation configuration for online reinforcement learning.</summary>
public sealed class TrainingRolloutConfiguration : ExtensibleModel<TrainingRolloutConfiguration>
{
    private IList<string>? _stop;

    /// <summary>Creates a rollout configuration.</summary>
    /// <param name="engine">The rollout inference engine, such as <see cref="TrainingRolloutEngine.Vllm"/>.</param>
    public TrainingRolloutConfiguration(TrainingRolloutEngine engine)
    {
        Engine = engine;
    }

    [JsonConstructor]
    internal TrainingRolloutConfiguration()
    {
    }

    /// <summary>The rollout inference engine. Required.</summary>
    [JsonPropertyName("engine")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TrainingRolloutEngine Engine { get; set; }

    /// <summary>The number of completions to generate for each prompt.</summary>
    [JsonPropertyName("num_generations")]
    public int? NumGenerations { get; set; }

    /// <summary>The maximum prompt length in tokens.</summary>
    [JsonPropertyName("max_prompt_length")]
    public int? MaxPromptLength { get; set; }

    /// <summary>The maximum completion length in tokens.</summary>
    [JsonPropertyName("max_completion_length")]
    public int? MaxCompletionLength { get; set; }

    /// <summary>The sampling temperature for rollout generation.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>The nucleus sampling probability for rollout generation.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Stop sequences for rollout generation.</summary>
    [JsonIgnore]
    public IList<string> Stop => OnDemand.List(ref _stop);

    /// <summary>The rollout batch size.</summary>
    [JsonPropertyName("batch_size")]
    public int? BatchSize { get; set; }

    /// <summary>The random seed for rollout generation.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    /// <summary>The tensor parallel size of the rollout engine. When not set the service uses 1.</summary>
    [JsonPropertyName("tensor_parallel_size")]
    public int? TensorParallelSize { get; set; }

    /// <summary>The GPU memory utilization target of the rollout engine, between 0.0 and 1.0.</summary>
    [JsonPropertyName("gpu_memory_utilization")]
    public double? GpuMemoryUtilization { get; set; }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (Engine.ToString() is null)
        {
            problems.Add(ValidationCollector.Property(path, "engine"), "Required.");
        }

        if (GpuMemoryUtilization is double utilization && !(utilization >= 0d && utilization <= 1d))
        {
            problems.Add(ValidationCollector.Property(path, "gpu_memory_utilization"), "Must be between 0.0 and 1.0.");
        }
    }

    [JsonInclude]
    [JsonPropertyName("stop")]
    internal IList<string>? StopJson
    {
        get => OnDemand.ForWriting(_stop);
        set => _stop = value;
    }
}
