using System;
using System.Diagnostics;

namespace Foundry.Training;

/// <summary>
/// One span per public client operation on the <c>Foundry.Training</c> <see cref="ActivitySource"/>, parent of
/// Azure.Core's HTTP spans. Tags: <c>foundry.training.job.name</c>, <c>foundry.training.id</c>,
/// <c>foundry.training.status</c>; a failure sets the span status to error with the exception type.
/// </summary>
internal readonly struct OperationScope : IDisposable
{
    /// <summary>The name of the SDK's <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "Foundry.Training";

    internal static readonly ActivitySource Source = new(SourceName, typeof(OperationScope).Assembly.GetName().Version?.ToString());

    private readonly Activity? _activity;

    private OperationScope(Activity? activity) => _activity = activity;

    /// <summary>Starts the span for <paramref name="operationName"/> (for example <c>TrainingJobsClient.Get</c>) when someone listens.</summary>
    public static OperationScope Start(string operationName, string? jobName = null, string? id = null)
    {
        Activity? activity = Source.StartActivity(operationName, ActivityKind.Internal);
        if (activity is not null)
        {
            if (jobName is not null)
            {
                activity.SetTag("foundry.training.job.name", jobName);
            }

            if (id is not null)
            {
                activity.SetTag("foundry.training.id", id);
            }
        }

        return new OperationScope(activity);
    }

    /// <summary>Records the status of the resource the operation returned (a job state, an operation status).</summary>
    public void SetStatus(string? status)
    {
        if (status is not null)
        {
            _activity?.SetTag("foundry.training.status", status);
        }
    }

    /// <summary>Records an id learned during the operation (for example the id of a created job).</summary>
    public void SetId(string? id)
    {
        if (id is not null)
        {
            _activity?.SetTag("foundry.training.id", id);
        }
    }

    /// <summary>Marks the span failed; call from a <c>catch</c> before rethrowing.</summary>
    public void Failed(Exception exception)
    {
        if (_activity is null)
        {
            return;
        }

        _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        _activity.SetTag("error.type", exception.GetType().FullName);
    }

    public void Dispose() => _activity?.Dispose();
}
