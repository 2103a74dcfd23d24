using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
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
}
