using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>Runs one SDK call, through its async twin or its sync twin, and says briefly what came back.</summary>
internal delegate Task<string> OperationBody(OperationContext context, bool async, CancellationToken cancellationToken);

/// <summary>One SDK operation driven against a spec, and the request it must produce.</summary>
internal sealed class ConformanceOperation
{
    /// <summary>The SDK member and variant, for example <c>FineTuningClient.CreateJob (dpo)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The spec's <c>operationId</c>; null when the spec has no such route (the SDK must then surface the 404/405).</summary>
    public required string? SpecOperation { get; init; }

    /// <summary>The HTTP method every request of this operation must use; null for a flow of several operations.</summary>
    public required string? Method { get; init; }

    /// <summary>An anchored regular expression every request path (relative to the spec's server) must match; null for a flow.</summary>
    public required string? PathPattern { get; init; }

    /// <summary>The directions it runs in (<see cref="ServiceNames.Request"/>, <see cref="ServiceNames.Response"/>); both by default.</summary>
    public IReadOnlyList<string> Directions { get; init; } = new[] { ServiceNames.Request, ServiceNames.Response };

    /// <summary>Why it does not run in the other direction, for the report.</summary>
    public string? OneDirectionReason { get; init; }

    /// <summary>Whether only the async twin runs (the samples' flows, which are async).</summary>
    public bool AsyncOnly { get; init; }

    /// <summary>Whether it may also send requests to another address of this machine (the emulator's storage URLs).</summary>
    public bool AllowsExternal { get; init; }

    public required OperationBody Body { get; init; }

    /// <summary>Checks the runner makes on each request where Prism does not (multipart bodies); returns problems.</summary>
    public Func<Exchange, IEnumerable<string>>? CheckRequest { get; init; }
}
