using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

/// <summary>
/// Builds Foundry training jobs models with the values only the service sets (status, system data, resolved
/// framework, ...), for tests and mocks of <see cref="ExtensibleModel"/>-based responses.
/// </summary>
public static class TrainingModelFactory
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

    /// <summary>Builds job properties of a job type this version of the SDK does not know.</summary>
    /// <param name="jobType">The <c>job_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The properties.</returns>
    public static UnknownJobProperties UnknownJobProperties(string? jobType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownJobProperties(), "job_type", jobType, additionalProperties);

    /// <summary>Builds a recipe of an algorithm this version of the SDK does not know.</summary>
    /// <param name="algorithm">The <c>algorithm</c>; null leaves it out.</param>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The datasets.</param>
    /// <param name="framework">The requested training framework.</param>
    /// <param name="resolvedFramework">The training framework the service resolved.</param>
    /// <param name="frameworkVersion">The version of the resolved framework.</param>
    /// <param name="hyperparameters">The hyperparameters.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The recipe.</returns>
    public static UnknownTrainingConfiguration UnknownTrainingConfiguration(
        string? algorithm = null,
        string? model = null,
        TrainingDatasetConfiguration? dataset = null,
        TrainingFramework? framework = null,
        TrainingFramework? resolvedFramework = null,
        string? frameworkVersion = null,
        IDictionary<string, JsonNode?>? hyperparameters = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        var configuration = new UnknownTrainingConfiguration
        {
            Model = model!,
            Dataset = dataset!,
            Framework = framework,
            ResolvedFramework = resolvedFramework,
            FrameworkVersion = frameworkVersion,
        };
        CopyTo(hyperparameters, configuration.Hyperparameters);
        return WithExtensionData(configuration, "algorithm", algorithm, additionalProperties);
    }

    /// <summary>Builds a reward of a kind this version of the SDK does not know.</summary>
    /// <param name="kind">The <c>kind</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The reward.</returns>
    public static UnknownTrainingRewardConfiguration UnknownTrainingRewardConfiguration(string? kind = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownTrainingRewardConfiguration(), "kind", kind, additionalProperties);

    /// <summary>Builds a distribution configuration of a type this version of the SDK does not know.</summary>
    /// <param name="distributionType">The <c>distribution_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The distribution configuration.</returns>
    public static UnknownDistributionConfiguration UnknownDistributionConfiguration(string? distributionType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownDistributionConfiguration(), "distribution_type", distributionType, additionalProperties);

    /// <summary>Builds a node collection of a type this version of the SDK does not know.</summary>
    /// <param name="nodesValueType">The <c>nodes_value_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The node collection.</returns>
    public static UnknownNodeCollection UnknownNodeCollection(string? nodesValueType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownNodeCollection(), "nodes_value_type", nodesValueType, additionalProperties);

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

    /// <summary>Builds a <see cref="Jobs.JobAttempt"/>.</summary>
    /// <param name="id">The attempt identifier.</param>
    /// <param name="jobName">The job name this attempt belongs to.</param>
    /// <param name="status">The attempt status.</param>
    /// <param name="statusReason">Additional status reason.</param>
    /// <param name="startedAt">Time the attempt started.</param>
    /// <param name="endedAt">Time the attempt ended.</param>
    /// <param name="lastStartedAt">Most recent time the attempt started running.</param>
    /// <param name="computeDuration">Total compute duration consumed by the attempt.</param>
    /// <param name="queueingInfo">Queueing details associated with the attempt.</param>
    /// <param name="computeDetails">Compute details associated with the attempt.</param>
    /// <param name="error">Terminal error for the attempt, if any.</param>
    /// <param name="warnings">Warnings emitted for the attempt.</param>
    /// <param name="isLatest">Whether this attempt is the current attempt for the job.</param>
    /// <returns>The model.</returns>
    public static JobAttempt JobAttempt(
        string? id = null,
        string? jobName = null,
        JobAttemptStatus? status = null,
        string? statusReason = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        DateTimeOffset? lastStartedAt = null,
        TimeSpan? computeDuration = null,
        IDictionary<string, JsonNode?>? queueingInfo = null,
        JobAttemptComputeDetails? computeDetails = null,
        JobAttemptError? error = null,
        IEnumerable<JobAttemptWarning>? warnings = null,
        bool? isLatest = null) =>
        new()
        {
            Id = id ?? string.Empty,
            JobName = jobName ?? string.Empty,
            Status = status,
            StatusReason = statusReason,
            StartedAt = startedAt,
            EndedAt = endedAt,
            LastStartedAt = lastStartedAt,
            ComputeDuration = computeDuration,
            QueueingInfo = queueingInfo is null ? null : new Dictionary<string, JsonNode?>(queueingInfo),
            ComputeDetails = computeDetails,
            Error = error,
            Warnings = warnings?.ToList(),
            IsLatest = isLatest,
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptComputeDetails"/>.</summary>
    /// <param name="vmSize">Virtual machine size used for this attempt.</param>
    /// <param name="instanceType">Instance type used for this attempt.</param>
    /// <param name="instanceCount">Number of instances allocated to this attempt.</param>
    /// <param name="gpuCount">Number of GPUs allocated to this attempt.</param>
    /// <param name="region">Region where this attempt was placed.</param>
    /// <param name="properties">Additional backend-specific compute placement properties.</param>
    /// <returns>The model.</returns>
    public static JobAttemptComputeDetails JobAttemptComputeDetails(
        string? vmSize = null,
        string? instanceType = null,
        int? instanceCount = null,
        int? gpuCount = null,
        string? region = null,
        IDictionary<string, JsonNode?>? properties = null) =>
        new()
        {
            VmSize = vmSize,
            InstanceType = instanceType,
            InstanceCount = instanceCount,
            GpuCount = gpuCount,
            Region = region,
            Properties = properties is null ? null : new Dictionary<string, JsonNode?>(properties),
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptError"/>.</summary>
    /// <param name="code">Machine-readable error code.</param>
    /// <param name="message">Human-readable error message.</param>
    /// <param name="details">Additional error details.</param>
    /// <returns>The model.</returns>
    public static JobAttemptError JobAttemptError(
        string? code = null,
        string? message = null,
        IDictionary<string, JsonNode?>? details = null) =>
        new()
        {
            Code = code,
            Message = message,
            Details = details is null ? null : new Dictionary<string, JsonNode?>(details),
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptWarning"/>.</summary>
    /// <param name="code">Machine-readable warning code.</param>
    /// <param name="message">Human-readable warning message.</param>
    /// <param name="details">Additional warning details.</param>
    /// <returns>The model.</returns>
    public static JobAttemptWarning JobAttemptWarning(
        string? code = null,
        string? message = null,
        IDictionary<string, JsonNode?>? details = null) =>
        new()
        {
            Code = code,
            Message = message,
            Details = details is null ? null : new Dictionary<string, JsonNode?>(details),
        };

    /// <summary>Builds a <see cref="Jobs.JobArtifact"/>.</summary>
    /// <param name="path">Artifact path relative to the job artifact root.</param>
    /// <param name="type">Artifact type.</param>
    /// <param name="size">Artifact size in bytes.</param>
    /// <param name="createdAt">Time the artifact was created.</param>
    /// <param name="updatedAt">Time the artifact was last updated.</param>
    /// <returns>The model.</returns>
    public static JobArtifact JobArtifact(
        string? path = null,
        JobArtifactType? type = null,
        long? size = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) =>
        new()
        {
            Path = path ?? string.Empty,
            Type = type ?? default,
            Size = size,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

    /// <summary>Builds a <see cref="Jobs.JobArtifactContentInfo"/>.</summary>
    /// <param name="path">Artifact path relative to the job artifact root.</param>
    /// <param name="contentUri">Download URI for the artifact content (typically pre-signed; treat it as a secret).</param>
    /// <param name="contentType">MIME type of the content.</param>
    /// <param name="expiresAt">Time the content URI expires.</param>
    /// <returns>The model.</returns>
    public static JobArtifactContentInfo JobArtifactContentInfo(
        string? path = null,
        Uri? contentUri = null,
        string? contentType = null,
        DateTimeOffset? expiresAt = null) =>
        new()
        {
            Path = path ?? string.Empty,
            ContentUri = contentUri,
            ContentType = contentType,
            ExpiresAt = expiresAt,
        };

    /// <summary>Builds a <see cref="Jobs.JobMetric"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="metricType">Metric type.</param>
    /// <param name="columns">Column metadata for structured metric values.</param>
    /// <returns>The model.</returns>
    public static JobMetric JobMetric(
        string? name = null,
        JobMetricType? metricType = null,
        IDictionary<string, JsonNode?>? columns = null) =>
        new()
        {
            Name = name ?? string.Empty,
            MetricType = metricType,
            Columns = columns is null ? null : new Dictionary<string, JsonNode?>(columns),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricPoint"/>.</summary>
    /// <param name="metricId">Metric identifier.</param>
    /// <param name="step">Metric step.</param>
    /// <param name="createdAt">Time the metric point was created.</param>
    /// <param name="data">Metric data values, by column (for a scalar metric typically <c>value</c>).</param>
    /// <param name="value">The point's value: sets the <c>value</c> column of <paramref name="data"/> (created when null).</param>
    /// <returns>The model.</returns>
    public static JobMetricPoint JobMetricPoint(
        string? metricId = null,
        long? step = null,
        DateTimeOffset? createdAt = null,
        IDictionary<string, JsonNode?>? data = null,
        double? value = null) =>
        new()
        {
            MetricId = metricId,
            Step = step,
            CreatedAt = createdAt,
            Data = WithNumbers(data, ("value", value)),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricLastValue"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="point">Latest metric point.</param>
    /// <returns>The model.</returns>
    public static JobMetricLastValue JobMetricLastValue(
        string? name = null,
        JobMetricPoint? point = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Point = point,
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricAggregate"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="startedAt">Aggregate window start.</param>
    /// <param name="endedAt">Aggregate window end.</param>
    /// <param name="values">Aggregate values (for example min, max, mean).</param>
    /// <param name="min">Sets the <c>min</c> entry of <paramref name="values"/> (created when null).</param>
    /// <param name="max">Sets the <c>max</c> entry of <paramref name="values"/> (created when null).</param>
    /// <param name="mean">Sets the <c>mean</c> entry of <paramref name="values"/> (created when null).</param>
    /// <returns>The model.</returns>
    public static JobMetricAggregate JobMetricAggregate(
        string? name = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        IDictionary<string, JsonNode?>? values = null,
        double? min = null,
        double? max = null,
        double? mean = null) =>
        new()
        {
            Name = name ?? string.Empty,
            StartedAt = startedAt,
            EndedAt = endedAt,
            Values = WithNumbers(values, ("min", min), ("max", max), ("mean", mean)),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricSample"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="points">Sampled metric points.</param>
    /// <returns>The model.</returns>
    public static JobMetricSample JobMetricSample(
        string? name = null,
        IEnumerable<JobMetricPoint>? points = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Points = points?.ToList() ?? new List<JobMetricPoint>(),
        };

    /// <summary>Builds a <see cref="Jobs.JobOutputReference"/>.</summary>
    /// <param name="name">Output name.</param>
    /// <param name="type">Output asset type.</param>
    /// <param name="mode">Output delivery mode.</param>
    /// <param name="uri">Output storage URI.</param>
    /// <param name="assetName">Registered asset name, if the output produced an asset.</param>
    /// <param name="assetVersion">Registered asset version, if the output produced an asset.</param>
    /// <param name="baseModelId">Base model ID for model outputs.</param>
    /// <param name="description">Output description.</param>
    /// <returns>The model.</returns>
    public static JobOutputReference JobOutputReference(
        string? name = null,
        AssetTypes? type = null,
        InputOutputModes? mode = null,
        string? uri = null,
        string? assetName = null,
        string? assetVersion = null,
        string? baseModelId = null,
        string? description = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type,
            Mode = mode,
            Uri = uri,
            AssetName = assetName,
            AssetVersion = assetVersion,
            BaseModelId = baseModelId,
            Description = description,
        };

    /// <summary>Builds a <see cref="Jobs.JobExecutionAssetReference"/>.</summary>
    /// <param name="name">Input name.</param>
    /// <param name="type">Asset type as the backing run recorded it.</param>
    /// <param name="assetId">Identifier of the asset the input resolved to.</param>
    /// <returns>The model.</returns>
    public static JobExecutionAssetReference JobExecutionAssetReference(string? name = null, string? type = null, string? assetId = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type,
            AssetId = assetId,
        };

    /// <summary>Builds a <see cref="Jobs.TrainingJobService"/>.</summary>
    /// <param name="type">Service type.</param>
    /// <param name="port">Service port.</param>
    /// <param name="status">Service status.</param>
    /// <param name="error">Terminal error for the service, if any.</param>
    /// <param name="endpoint">Service endpoint URI.</param>
    /// <param name="properties">Additional service properties.</param>
    /// <returns>The model.</returns>
    public static TrainingJobService TrainingJobService(
        JobServiceType? type = null,
        int? port = null,
        string? status = null,
        IDictionary<string, JsonNode?>? error = null,
        Uri? endpoint = null,
        IDictionary<string, JsonNode?>? properties = null) =>
        new()
        {
            Type = type,
            Port = port,
            Status = status,
            Error = error is null ? null : new Dictionary<string, JsonNode?>(error),
            Endpoint = endpoint,
            Properties = properties is null ? null : new Dictionary<string, JsonNode?>(properties),
        };

    /// <summary>Builds a <see cref="Jobs.TrainingJobServiceCollection"/>.</summary>
    /// <param name="services">Services keyed by service name.</param>
    /// <returns>The model.</returns>
    public static TrainingJobServiceCollection TrainingJobServiceCollection(
        IDictionary<string, TrainingJobService>? services = null) =>
        new()
        {
            Services = services is null ? new Dictionary<string, TrainingJobService>() : new Dictionary<string, TrainingJobService>(services),
        };

    /// <summary>Builds a <see cref="Jobs.JobOperationResource"/>.</summary>
    /// <param name="id">Operation resource ID.</param>
    /// <param name="name">Operation name.</param>
    /// <param name="status">Operation status.</param>
    /// <param name="properties">Operation result properties.</param>
    /// <param name="startedAt">Operation start time.</param>
    /// <param name="endedAt">Operation end time.</param>
    /// <param name="percentComplete">Operation completion percentage from 0 to 100.</param>
    /// <param name="error">Operation error information.</param>
    /// <returns>The model.</returns>
    public static JobOperationResource JobOperationResource(
        string? id = null,
        string? name = null,
        JobOperationStatus? status = null,
        IDictionary<string, JsonNode?>? properties = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        double? percentComplete = null,
        JobOperationError? error = null) =>
        new()
        {
            Id = id,
            Name = name,
            Status = status ?? default,
            Properties = properties is null ? null : new Dictionary<string, JsonNode?>(properties),
            StartedAt = startedAt,
            EndedAt = endedAt,
            PercentComplete = percentComplete,
            Error = error,
        };

    /// <summary>Builds a <see cref="Jobs.JobOperationError"/>.</summary>
    /// <param name="code">Machine-readable error code.</param>
    /// <param name="message">Human-readable error message.</param>
    /// <param name="details">Additional error information.</param>
    /// <returns>The model.</returns>
    public static JobOperationError JobOperationError(
        string? code = null,
        string? message = null,
        IDictionary<string, JsonNode?>? details = null) =>
        new()
        {
            Code = code,
            Message = message,
            Details = details is null ? null : new Dictionary<string, JsonNode?>(details),
        };

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
