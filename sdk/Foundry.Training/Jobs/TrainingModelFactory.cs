using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

/// <summary>
/// Builds Foundry training jobs models with the values only the service sets (status, system data, resolved
/// framework, ...), for tests and mocks of <see cref="ExtensibleModel"/>-based responses.
/// </summary>
public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.TrainingJob"/>.</summary>
    /// <param name="name">The name of the job.</param>
    /// <param name="id">The resource ID.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="properties">The properties of the job, usually a <see cref="Jobs.CommandJob"/>.</param>
    /// <param name="systemData">Creation and modification metadata; see <see cref="SystemData(string, string, DateTimeOffset?, string, string, DateTimeOffset?)"/>.</param>
    /// <returns>The job.</returns>
    public static TrainingJob TrainingJob(string? name = null, string? id = null, string? type = null, JobProperties? properties = null, SystemData? systemData = null) =>
        new()
        {
            Name = name!,
            Id = id,
            Type = type,
            Properties = properties!,
            SystemData = systemData,
        };

    /// <summary>Builds a <see cref="Jobs.SystemData"/>.</summary>
    /// <param name="createdBy">The identity that created the resource.</param>
    /// <param name="createdByType">The type of identity that created the resource.</param>
    /// <param name="createdAt">When the resource was created.</param>
    /// <param name="lastModifiedBy">The identity that last modified the resource.</param>
    /// <param name="lastModifiedByType">The type of identity that last modified the resource.</param>
    /// <param name="lastModifiedAt">When the resource was last modified.</param>
    /// <returns>The metadata.</returns>
    public static SystemData SystemData(
        string? createdBy = null,
        string? createdByType = null,
        DateTimeOffset? createdAt = null,
        string? lastModifiedBy = null,
        string? lastModifiedByType = null,
        DateTimeOffset? lastModifiedAt = null) =>
        new()
        {
            CreatedBy = createdBy,
            CreatedByType = createdByType,
            CreatedAt = createdAt,
            LastModifiedBy = lastModifiedBy,
            LastModifiedByType = lastModifiedByType,
            LastModifiedAt = lastModifiedAt,
        };

    /// <summary>Builds a <see cref="Jobs.CommandJob"/> as the service returns it, including its <paramref name="status"/>.</summary>
    /// <param name="computeId">The compute resource ID.</param>
    /// <param name="command">The command to execute on startup.</param>
    /// <param name="environmentImageReference">The ACR path or Azure ML environment reference.</param>
    /// <param name="training">The declarative training recipe.</param>
    /// <param name="displayName">The display name.</param>
    /// <param name="description">The description.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="properties">The property dictionary.</param>
    /// <param name="codeId">The code asset reference.</param>
    /// <param name="inputs">The input bindings.</param>
    /// <param name="outputs">The output bindings.</param>
    /// <param name="environmentVariables">The environment variables.</param>
    /// <param name="resources">The compute resource configuration.</param>
    /// <param name="gpuCount">The number of GPUs.</param>
    /// <param name="distribution">The distribution configuration.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="queueSettings">The queue settings.</param>
    /// <param name="userAssignedIdentityId">The user-assigned managed identity.</param>
    /// <param name="status">The status of the job, as the service reports it.</param>
    /// <returns>The job properties.</returns>
    public static CommandJob CommandJob(
        string? computeId = null,
        string? command = null,
        string? environmentImageReference = null,
        TrainingConfiguration? training = null,
        string? displayName = null,
        string? description = null,
        IDictionary<string, JsonNode?>? tags = null,
        IDictionary<string, JsonNode?>? properties = null,
        string? codeId = null,
        IDictionary<string, JobInput>? inputs = null,
        IDictionary<string, JobOutput>? outputs = null,
        IDictionary<string, JsonNode?>? environmentVariables = null,
        JobResourceConfiguration? resources = null,
        int? gpuCount = null,
        DistributionConfiguration? distribution = null,
        CommandJobLimits? limits = null,
        QueueSettings? queueSettings = null,
        string? userAssignedIdentityId = null,
        string? status = null)
    {
        var job = new CommandJob
        {
            ComputeId = computeId!,
            Command = command,
            EnvironmentImageReference = environmentImageReference,
            Training = training,
            DisplayName = displayName,
            Description = description,
            CodeId = codeId,
            Resources = resources,
            GpuCount = gpuCount,
            Distribution = distribution,
            Limits = limits,
            QueueSettings = queueSettings,
            UserAssignedIdentityId = userAssignedIdentityId,
            Status = status,
        };
        CopyTo(tags, job.Tags);
        CopyTo(properties, job.Properties);
        CopyTo(inputs, job.Inputs);
        CopyTo(outputs, job.Outputs);
        CopyTo(environmentVariables, job.EnvironmentVariables);
        return job;
    }

    /// <summary>
    /// Sets the values the service assigns to a recipe (<see cref="Jobs.TrainingConfiguration.ResolvedFramework"/>,
    /// <see cref="Jobs.TrainingConfiguration.FrameworkVersion"/>) on <paramref name="configuration"/> and returns it.
    /// Build the recipe with its constructor first, for example <c>new GrpoTrainingConfiguration(model, dataset, reward)</c>.
    /// </summary>
    /// <typeparam name="T">The recipe type.</typeparam>
    /// <param name="configuration">The recipe to complete.</param>
    /// <param name="resolvedFramework">The training framework the service resolved.</param>
    /// <param name="frameworkVersion">The version of the resolved framework.</param>
    /// <returns><paramref name="configuration"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static T TrainingConfiguration<T>(T configuration, TrainingFramework? resolvedFramework = null, string? frameworkVersion = null)
        where T : TrainingConfiguration
    {
        Argument.AssertNotNull(configuration, nameof(configuration));
        configuration.ResolvedFramework = resolvedFramework;
        configuration.FrameworkVersion = frameworkVersion;
        return configuration;
    }

    /// <summary>Builds a <see cref="Jobs.JobService"/> as the service returns it.</summary>
    /// <param name="jobServiceType">The endpoint type.</param>
    /// <param name="port">The port.</param>
    /// <param name="endpoint">The URL.</param>
    /// <param name="properties">Additional properties.</param>
    /// <param name="nodes">The nodes the service runs on.</param>
    /// <param name="status">The status of the endpoint.</param>
    /// <param name="errorMessage">Any error in the service.</param>
    /// <returns>The service.</returns>
    public static JobService JobService(
        JobServiceType? jobServiceType = null,
        int? port = null,
        Uri? endpoint = null,
        IDictionary<string, JsonNode?>? properties = null,
        NodeCollection? nodes = null,
        string? status = null,
        string? errorMessage = null)
    {
        var service = new JobService
        {
            JobServiceType = jobServiceType,
            Port = port,
            Endpoint = endpoint,
            Nodes = nodes,
            Status = status,
            ErrorMessage = errorMessage,
        };
        CopyTo(properties, service.Properties);
        return service;
    }

    private static void CopyTo<T>(IDictionary<string, T>? source, IDictionary<string, T> target)
    {
        if (source is not null)
        {
            foreach (KeyValuePair<string, T> entry in source)
            {
                target[entry.Key] = entry.Value;
            }
        }
    }

    /// <summary>Unknown models keep their discriminator in extension data, exactly as when read from JSON.</summary>
    private static T WithExtensionData<T>(T model, string discriminatorName, string? discriminator, IDictionary<string, JsonElement>? additionalProperties)
        where T : ExtensibleModel
    {
        CopyTo(additionalProperties, model.AdditionalProperties);
        if (discriminator is not null)
        {
            using JsonDocument document = JsonDocument.Parse("\"" + JsonEncodedText.Encode(discriminator).ToString() + "\"");
            model.AdditionalProperties[discriminatorName] = document.RootElement.Clone();
        }

        return model;
    }

    /// <summary>A copy of <paramref name="columns"/> (null stays null unless a number is set) with the given numbers set.</summary>
    private static Dictionary<string, JsonNode?>? WithNumbers(IDictionary<string, JsonNode?>? columns, params (string Name, double? Value)[] numbers)
    {
        Dictionary<string, JsonNode?>? copy = columns is null ? null : new Dictionary<string, JsonNode?>(columns);
        foreach ((string name, double? value) in numbers)
        {
            if (value is double number)
            {
                copy ??= new Dictionary<string, JsonNode?>();
                copy[name] = number;
            }
        }

        return copy;
    }
}
