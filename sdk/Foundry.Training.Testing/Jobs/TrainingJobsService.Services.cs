using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapServices(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetServices] = OfJob((job, r, _) => GetServices(job, r));
        routes[TrainingJobsOperations.GetNodeServices] = OfJob((job, _, v) => GetNodeServices(job, v["nodeId"]));
    }

    /// <summary>Studio and tracking endpoints, once the job has started; every node reports the same ones.</summary>
    private ServiceResponse GetServices(EmulatedTrainingJob job, ServiceRequest request)
    {
        string? node = request.QueryValue("node_id");
        if (node is not null && (!int.TryParse(node, NumberStyles.Integer, CultureInfo.InvariantCulture, out int nodeId) || nodeId < 0))
        {
            return BadQuery("node_id", node, "a non-negative integer");
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.TrainingJobServiceCollection(ServicesOf(job))));
    }

    /// <summary>
    /// <c>/nodes/{node_id}/services</c> (the later revision's route): the same endpoints as <see cref="GetServices"/>, for
    /// a node from 0 to the job's instance count minus one.
    /// </summary>
    private ServiceResponse GetNodeServices(EmulatedTrainingJob job, string node)
    {
        int nodes = job.Spec.Resources?.InstanceCount ?? 1;
        if (!int.TryParse(node, NumberStyles.None, CultureInfo.InvariantCulture, out int nodeId))
        {
            return ServiceErrors.Foundry(400, "InvalidPathParameter", $"The node id '{node}' is not a non-negative integer.");
        }

        return nodeId >= nodes
            ? ServiceErrors.Foundry(404, "NotFound", $"Node {nodeId} of training job '{job.Name}' was not found: the job runs on {nodes} node(s), numbered from 0.")
            : ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.TrainingJobServiceCollection(ServicesOf(job))));
    }

    private Dictionary<string, TrainingJobService> ServicesOf(EmulatedTrainingJob job)
    {
        var services = new Dictionary<string, TrainingJobService>(StringComparer.Ordinal);
        if (job.HasAttempt)
        {
            string status = job.IsTerminal ? "Stopped" : TrainingJobStatus.Running;
            services["studio"] = TrainingModelFactory.TrainingJobService(
                type: JobServiceType.Studio,
                status: status,
                endpoint: new Uri(_context.Endpoint.AbsoluteUri + "/studio/training_jobs/" + Uri.EscapeDataString(job.Name)));
            services["tracking"] = TrainingModelFactory.TrainingJobService(
                type: JobServiceType.Tracking,
                status: status,
                endpoint: new Uri(_context.Endpoint.AbsoluteUri + "/mlflow/v2.0/runs/" + Uri.EscapeDataString(job.Name)),
                properties: new Dictionary<string, JsonNode?> { ["run_id"] = job.Name });
        }

        return services;
    }
}
