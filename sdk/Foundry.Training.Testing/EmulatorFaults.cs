using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// Faults a <see cref="FoundryTrainingEmulator"/> answers with instead of serving requests: each call plans one fault
/// for the next <c>count</c> requests (to the given service, or to any), after which the emulator is healthy again.
/// Faults planned by several calls apply in the order they were planned. Thread-safe.
/// </summary>
/// <remarks>
/// Error bodies follow each service's error shape, so clients see the same <c>RequestFailedException</c> they would
/// see from the real service. A client's retry policy retries 429, 503 and 504; a create that carries an idempotency key
/// (Foundry's <c>Operation-Id</c>) is retried too, and <see cref="GatewayTimeoutAfterProcessing"/> shows that the
/// retry does not create a second job, and that a file upload whose answer was lost returns the file it stored rather
/// than uploading a second copy.
/// </remarks>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<PlannedFault> _planned = new();

    internal EmulatorFaults()
    {
    }

    /// <summary>How many requests are still to be answered with a fault.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                int pending = 0;
                foreach (PlannedFault fault in _planned)
                {
                    pending += fault.Remaining;
                }

                return pending;
            }
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with <c>429 Too Many Requests</c> and a <c>Retry-After</c>
    /// (whole seconds, rounded up) plus <c>retry-after-ms</c> (exact) header.
    /// </summary>
    /// <param name="count">How many requests to reject.</param>
    /// <param name="retryAfter">How long the client is asked to wait; 1 second when null.</param>
    /// <param name="service">Only requests to this service; any service when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="retryAfter"/> is negative.</exception>
    public void TooManyRequests(int count = 1, TimeSpan? retryAfter = null, EmulatedService? service = null) =>
        Plan(429, count, retryAfter ?? TimeSpan.FromSeconds(1), service, afterProcessing: false);

    /// <summary>Answers the next <paramref name="count"/> requests with <c>503 Service Unavailable</c>.</summary>
    /// <param name="count">How many requests to reject.</param>
    /// <param name="retryAfter">A wait to ask for in <c>Retry-After</c>/<c>retry-after-ms</c>; no such header when null.</param>
    /// <param name="service">Only requests to this service; any service when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="retryAfter"/> is negative.</exception>
    public void ServiceUnavailable(int count = 1, TimeSpan? retryAfter = null, EmulatedService? service = null) =>
        Plan(503, count, retryAfter, service, afterProcessing: false);

    /// <summary>
    /// Serves the next <paramref name="count"/> requests (their effects happen: a job is created, a file stored) but
    /// answers <c>504 Gateway Timeout</c>, as when a response is lost on the way back. Use it to test that retried
    /// creates are idempotent.
    /// </summary>
    /// <param name="count">How many responses to lose.</param>
    /// <param name="service">Only requests to this service; any service when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void GatewayTimeoutAfterProcessing(int count = 1, EmulatedService? service = null) =>
        Plan(504, count, null, service, afterProcessing: true);

    /// <summary>Answers the next <paramref name="count"/> requests with any error status, in the service's error shape.</summary>
    /// <param name="statusCode">The status, 400 to 599.</param>
    /// <param name="count">How many requests to reject.</param>
    /// <param name="retryAfter">A wait to ask for in <c>Retry-After</c>/<c>retry-after-ms</c>; no such header when null.</param>
    /// <param name="service">Only requests to this service; any service when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void Fail(int statusCode, int count = 1, TimeSpan? retryAfter = null, EmulatedService? service = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault must be an error status, 400 to 599.");
        }

        Plan(statusCode, count, retryAfter, service, afterProcessing: false);
    }

    /// <summary>
    /// Resets the connection in the middle of the next <paramref name="count"/> artifact downloads from the emulator's
    /// storage (the pre-signed content URLs) or its artifact content route (<c>.../artifacts/content</c>) after <paramref name="afterBytes"/> bytes of their body, as when a
    /// connection drops mid-transfer. The response headers have promised the whole body. A body shorter than that is
    /// sent whole and the fault waits for the next download.
    /// </summary>
    /// <param name="afterBytes">The body bytes sent before the reset; 0 resets right after the headers.</param>
    /// <param name="count">How many downloads to break.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterBytes"/> is negative or <paramref name="count"/> is less than 1.</exception>
    public void ResetDuringBody(long afterBytes, int count = 1) => PlanBody(BodyFaultKind.Reset, afterBytes, count, nameof(afterBytes));

    /// <summary>
    /// Flips the bits of one byte in the next <paramref name="count"/> artifact downloads from the emulator's storage
    /// or its artifact content route,
    /// leaving the headers (length, <c>ETag</c>, <c>Content-MD5</c>) as they were: the corruption only an integrity check
    /// finds. A body shorter than that is sent intact and the fault waits for the next download.
    /// </summary>
    /// <param name="atByte">The position of the byte within the body sent (a range counts from its own start).</param>
    /// <param name="count">How many downloads to corrupt.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atByte"/> is negative or <paramref name="count"/> is less than 1.</exception>
    public void CorruptBody(long atByte = 0, int count = 1) => PlanBody(BodyFaultKind.Corrupt, atByte, count, nameof(atByte));

    /// <summary>Cancels every fault not yet served: the emulator is healthy again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
        }
    }

    /// <summary>Takes the first planned fault that replaces the answer to a request to <paramref name="service"/>, if any.</summary>
    internal PlannedFault? TakeNext(EmulatedService? service) => Take(f => f.Body is null && (f.Service is null || f.Service == service));

    /// <summary>Takes the first planned body fault that strikes within a download body (storage or artifact content) of <paramref name="length"/> bytes, if any.</summary>
    internal PlannedFault? TakeBodyFault(bool download, long length) =>
        download ? Take(f => f.Body is not null && f.AtByte < length) : null;

    private PlannedFault? Take(Func<PlannedFault, bool> applies)
    {
        lock (_gate)
        {
            for (int i = 0; i < _planned.Count; i++)
            {
                PlannedFault fault = _planned[i];
                if (applies(fault))
                {
                    fault.Remaining--;
                    if (fault.Remaining == 0)
                    {
                        _planned.RemoveAt(i);
                    }

                    return fault;
                }
            }

            return null;
        }
    }

    private void PlanBody(BodyFaultKind kind, long atByte, int count, string parameterName)
    {
        if (atByte < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, atByte, "The byte position cannot be negative.");
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of faulted downloads must be at least 1.");
        }

        lock (_gate)
        {
            _planned.Add(new PlannedFault(kind, atByte, count));
        }
    }

    private void Plan(int statusCode, int count, TimeSpan? retryAfter, EmulatedService? service, bool afterProcessing)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of faulted requests must be at least 1.");
        }

        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "The wait cannot be negative.");
        }

        lock (_gate)
        {
            _planned.Add(new PlannedFault(statusCode, count, retryAfter, service, afterProcessing));
        }
    }
}
