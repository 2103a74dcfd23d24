using System;

namespace Foundry.Training.Testing;

/// <summary>A fault planned through <see cref="EmulatorFaults"/>, with the number of requests it still applies to.</summary>
internal sealed class PlannedFault
{
    public PlannedFault(int statusCode, int remaining, TimeSpan? retryAfter, EmulatedService? service, bool afterProcessing)
    {
        StatusCode = statusCode;
        Remaining = remaining;
        RetryAfter = retryAfter;
        Service = service;
        AfterProcessing = afterProcessing;
    }

    public int StatusCode { get; }

    /// <summary>Changed only under the lock of the owning <see cref="EmulatorFaults"/>.</summary>
    public int Remaining { get; set; }

    public TimeSpan? RetryAfter { get; }

    public EmulatedService? Service { get; }

    /// <summary>Whether the request is served before the fault replaces its answer.</summary>
    public bool AfterProcessing { get; }
}
