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
    private void MapAttempts(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetAttempts] = OfJob((job, r, _) => ListAttempts(job, r));
        routes[TrainingJobsOperations.GetAttempt] = OfAttempt((job, r, _) => ServiceResponse.Json(200, JsonBodies.Model(ToAttempt(job, r.Now))));
    }

    private ServiceResponse ListAttempts(EmulatedTrainingJob job, ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        List<JobAttempt> attempts = job.HasAttempt ? new List<JobAttempt> { ToAttempt(job, request.Now) } : new List<JobAttempt>();
        PageSlice<JobAttempt> page = Paging.Cut(attempts, a => a.Id, request.QueryValue("after"), request.QueryValue("before"), limit);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: false, ids: true));
    }

    private JobAttempt ToAttempt(EmulatedTrainingJob job, DateTimeOffset now)
    {
        DateTimeOffset started = job.StartedAt!.Value;
        string? reason = job.Status switch
        {
            TrainingJobStatus.Running => $"Training step {job.CompletedSteps} of {job.TotalSteps}.",
            TrainingJobStatus.CancelRequested => "Cancellation requested.",
            TrainingJobStatus.Canceled => "Canceled by the user.",
            TrainingJobStatus.Failed => job.Error?.Message,
            _ => null,
        };
        return TrainingModelFactory.JobAttempt(
            id: EmulatedTrainingJob.AttemptId,
            jobName: job.Name,
            status: job.AttemptStatus,
            statusReason: reason,
            startedAt: started,
            endedAt: job.EndedAt,
            lastStartedAt: started,
            computeDuration: TimeSpan.FromSeconds(Math.Floor(((job.EndedAt ?? now) - started).TotalSeconds)),
            queueingInfo: new Dictionary<string, JsonNode?>
            {
                ["queued_at"] = job.CreatedAt.ToUnixTimeSeconds(),
                ["queue_duration"] = "PT" + (started - job.CreatedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "S",
            },
            computeDetails: TrainingModelFactory.JobAttemptComputeDetails(
                vmSize: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceType: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceCount: job.Spec.Resources?.InstanceCount ?? 1,
                gpuCount: job.Spec.GpuCount ?? 1,
                region: "emulator"),
            error: job.Error,
            isLatest: true);
    }
}
