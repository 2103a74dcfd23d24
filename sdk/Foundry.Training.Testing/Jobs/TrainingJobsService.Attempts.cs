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
        routes[TrainingJobsOperations.GetAttempt] = OfAttempt((job, attempt, r, _) => ServiceResponse.Json(200, JsonBodies.Model(ToAttempt(job, attempt, r.Now))));
    }

    /// <summary>The attempts in the order they started (ids are numbers, so that is also their order by id).</summary>
    private ServiceResponse ListAttempts(EmulatedTrainingJob job, ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        List<JobAttempt> attempts = job.Attempts.Select(a => ToAttempt(job, a, request.Now)).ToList();
        PageSlice<JobAttempt> page = Paging.Cut(attempts, a => a.Id, request.QueryValue("after"), request.QueryValue("before"), limit);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: false, ids: true));
    }

    private JobAttempt ToAttempt(EmulatedTrainingJob job, EmulatedAttempt attempt, DateTimeOffset now)
    {
        DateTimeOffset started = attempt.StartedAt;
        bool latest = ReferenceEquals(attempt, job.LatestAttempt);
        string? reason = attempt.HasEnded
            ? attempt.EndReason
            : latest && job.Status == TrainingJobStatus.CancelRequested ? "Cancellation requested." : $"Training step {attempt.CompletedSteps} of {job.TotalSteps}.";
        return TrainingModelFactory.JobAttempt(
            id: attempt.Id,
            jobName: job.Name,
            status: attempt.Status,
            statusReason: reason,
            startedAt: started,
            endedAt: attempt.EndedAt,
            lastStartedAt: started,
            computeDuration: TimeSpan.FromSeconds(Math.Floor(((attempt.EndedAt ?? now) - started).TotalSeconds)),
            queueingInfo: new Dictionary<string, JsonNode?>
            {
                ["queued_at"] = attempt.QueuedAt.ToUnixTimeSeconds(),
                ["queue_duration"] = "PT" + (started - attempt.QueuedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "S",
            },
            computeDetails: TrainingModelFactory.JobAttemptComputeDetails(
                vmSize: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceType: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceCount: job.Spec.Resources?.InstanceCount ?? 1,
                gpuCount: job.Spec.GpuCount ?? 1,
                region: "emulator"),
            error: attempt.Error,
            isLatest: latest);
    }
}
