using System;
using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>The operations of one table, in the order they were declared (one line each).</summary>
internal sealed class OperationTable
{
    private readonly List<ServiceOperation> _operations = new();

    public IReadOnlyList<ServiceOperation> Operations => _operations;

    /// <summary>Declares one operation (see <see cref="ServiceOperation"/> for the columns).</summary>
    public ServiceOperation Op(string name, string method, string route, string query, Type? response, OperationPaging paging, OperationLro lro, ServiceVersions versions)
    {
        var operation = new ServiceOperation(name, method, route, query, response, paging, lro, versions);
        _operations.Add(operation);
        return operation;
    }

    /// <summary>The operations that exist in <paramref name="versions"/>.</summary>
    public IEnumerable<ServiceOperation> In(ServiceVersions versions)
    {
        foreach (ServiceOperation operation in _operations)
        {
            if (operation.IsIn(versions))
            {
                yield return operation;
            }
        }
    }
}
