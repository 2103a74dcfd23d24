using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// Routes a service's requests by the route templates of the SDK's operation table (compiled in as linked source), so
/// the client and the emulator cannot disagree on a path: the most specific template that matches the path wins; a
/// method it lacks is a 405; a path no template matches is a 404, both in the service's error shape
/// (<see cref="ServiceErrors.MethodNotAllowed"/>, <see cref="ServiceErrors.RouteNotFound"/>). Every operation of the
/// table must have a handler.
/// </summary>
internal sealed class OperationRouter
{
    private readonly List<Route> _routes = new();
    private readonly EmulatedService _service;

    /// <param name="service">The service routed, whose error shape the 404 and 405 answers take.</param>
    /// <param name="operations">The service's table (the operations of one flavor, for the fine-tuning services).</param>
    /// <param name="handlers">A handler for each operation, keyed by the operation.</param>
    public OperationRouter(EmulatedService service, IEnumerable<ServiceOperation> operations, IReadOnlyDictionary<ServiceOperation, Handler> handlers)
    {
        _service = service;
        foreach (ServiceOperation operation in operations)
        {
            if (!handlers.TryGetValue(operation, out Handler? handler))
            {
                throw new InvalidOperationException($"The emulator has no handler for {operation}.");
            }

            _routes.Add(new Route(operation, handler));
        }
    }

    /// <summary>Serves one operation; <c>values</c> holds the unescaped placeholder values by name.</summary>
    public delegate ServiceResponse Handler(ServiceRequest request, IReadOnlyDictionary<string, string> values);

    /// <summary>The operations routed, in table order.</summary>
    public IEnumerable<ServiceOperation> Operations
    {
        get
        {
            foreach (Route route in _routes)
            {
                yield return route.Operation;
            }
        }
    }

    /// <summary>Serves <paramref name="request"/>, or answers that no route matches its path or none has its method.</summary>
    public ServiceResponse Serve(ServiceRequest request)
    {
        int best = -1;
        Route? served = null;
        Dictionary<string, string>? servedValues = null;
        foreach (Route route in _routes)
        {
            if (!route.Operation.Route.TryMatch(request.RawSegments, out Dictionary<string, string> values))
            {
                continue;
            }

            int specificity = route.Operation.Route.LiteralCount;
            if (specificity > best)
            {
                best = specificity;
                served = null;
                servedValues = null;
            }

            if (specificity == best && served is null && request.Is(route.Operation.Method))
            {
                served = route;
                servedValues = values;
            }
        }

        if (best < 0)
        {
            return ServiceErrors.RouteNotFound(_service, request);
        }

        return served is null ? ServiceErrors.MethodNotAllowed(_service, request) : served.Handler(request, servedValues!);
    }

    private sealed record Route(ServiceOperation Operation, Handler Handler);
}
