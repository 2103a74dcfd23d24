using System;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

/// <summary>A long-running delete or cancel of a Foundry training job, and where it stands.</summary>
internal sealed class EmulatedOperation
{
    public EmulatedOperation(string id, string jobName, string kind, DateTimeOffset startedAt, DateTimeOffset completesAt)
    {
        Id = id;
        JobName = jobName;
        Kind = kind;
        StartedAt = startedAt;
        CompletesAt = completesAt;
        Status = kind == "delete" ? JobOperationStatus.Deleting : JobOperationStatus.InProgress;
    }

    public string Id { get; }

    public string JobName { get; }

    /// <summary><c>delete</c> or <c>cancel</c>.</summary>
    public string Kind { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset CompletesAt { get; }

    public JobOperationStatus Status { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsDone => EndedAt is not null;

    public void Succeed()
    {
        Status = JobOperationStatus.Succeeded;
        EndedAt = CompletesAt;
    }
}
