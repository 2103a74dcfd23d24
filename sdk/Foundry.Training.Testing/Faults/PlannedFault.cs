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

    /// <summary>A fault on the wire, in the middle of a download's body (storage or artifact content).</summary>
    public PlannedFault(BodyFaultKind body, long atByte, int remaining)
    {
        Body = body;
        AtByte = atByte;
        Remaining = remaining;
    }

    public int StatusCode { get; }

    /// <summary>Changed only under the lock of the owning <see cref="EmulatorFaults"/>.</summary>
    public int Remaining { get; set; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The service whose answers the fault replaces; null for any. Body faults strike any download.</summary>
    public EmulatedService? Service { get; }

    /// <summary>Whether the request is served before the fault replaces its answer.</summary>
    public bool AfterProcessing { get; }

    /// <summary>What happens to the body on the wire; null for a fault that replaces the answer.</summary>
    public BodyFaultKind? Body { get; }

    /// <summary>The body byte (from the first byte sent) at which the body fault strikes.</summary>
    public long AtByte { get; }
}

/// <summary>What a body fault does on the wire.</summary>
internal enum BodyFaultKind
{
    /// <summary>The connection is reset after <see cref="PlannedFault.AtByte"/> bytes of the body.</summary>
    Reset,

    /// <summary>The byte at <see cref="PlannedFault.AtByte"/> is sent with its bits flipped; headers (and MD5s) are unchanged.</summary>
    Corrupt,
}
