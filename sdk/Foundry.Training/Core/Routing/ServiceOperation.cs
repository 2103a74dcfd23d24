using System;
using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>How a list operation pages.</summary>
internal enum OperationPaging
{
    /// <summary>Not a list: one value (or none).</summary>
    NotPaged,

    /// <summary><c>{data, has_more[, last_id]}</c> with an <c>after</c> cursor.</summary>
    Cursor,

    /// <summary><c>{value, nextLink}</c>: the next page's URL.</summary>
    NextLink,

    /// <summary>A list envelope without paging parameters: always one page.</summary>
    SinglePage,
}

/// <summary>Whether an operation is long-running, and how it is followed.</summary>
internal enum OperationLro
{
    /// <summary>Answers at once.</summary>
    Immediate,

    /// <summary>Foundry's <c>202</c> + <c>Operation-Location</c>, polled at <c>/training_jobs/operations/{operationId}/status</c>.</summary>
    OperationStatus,
}

/// <summary>The API versions (and revisions) an operation exists in.</summary>
[Flags]
internal enum ServiceVersions
{
    /// <summary>Foundry training jobs <c>v1</c>, routes.tsp.</summary>
    FoundryV1 = 1,

    /// <summary>Foundry training jobs <c>v1</c>, routes.later-revision.tsp (inputs, per-node services).</summary>
    FoundryLaterRevision = 2,

    /// <summary>Azure OpenAI authoring <c>2024-05-01-preview</c>.</summary>
    AzureOpenAI2024_05_01Preview = 4,

    /// <summary>The OpenAI platform, <c>/v1</c>.</summary>
    OpenAI = 8,

    /// <summary>Foundry datasets <c>v1</c> (the <c>VersionedOperations</c> of resource <c>datasets</c>).</summary>
    FoundryDatasetsV1 = 16,

    /// <summary>Both fine-tuning services.</summary>
    FineTuning = AzureOpenAI2024_05_01Preview | OpenAI,

    /// <summary>Every Foundry revision.</summary>
    Foundry = FoundryV1 | FoundryLaterRevision,
}

/// <summary>
/// One HTTP operation of a service: its span name, method, route template, query parameters, response model, paging,
/// long-running kind and versions. The operation tables (<c>TrainingJobsOperations</c>, <c>FineTuningOperations</c>,
/// <c>DatasetsOperations</c>)
/// hold one per line; clients build every request from them and the emulator routes by them.
/// </summary>
internal sealed class ServiceOperation
{
    public ServiceOperation(string name, string method, string route, string query, Type? response, OperationPaging paging, OperationLro lro, ServiceVersions versions)
    {
        Name = name;
        Method = method;
        RequestMethod = Azure.Core.RequestMethod.Parse(method);
        Route = new RouteTemplate(route);
        Query = query.Length == 0 ? Array.Empty<string>() : query.Split(',');
        Response = response;
        Paging = paging;
        Lro = lro;
        Versions = versions;
    }

    /// <summary>The span name, <c>{Client}.{Method}</c> without <c>Async</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary><see cref="Method"/>, parsed once.</summary>
    public Azure.Core.RequestMethod RequestMethod { get; }

    public RouteTemplate Route { get; }

    /// <summary>The query parameters a client may send (besides <c>api-version</c>).</summary>
    public IReadOnlyList<string> Query { get; }

    /// <summary>The model of the body (the item of a list), <see cref="System.IO.Stream"/> for bytes, null for none.</summary>
    public Type? Response { get; }

    public OperationPaging Paging { get; }

    public OperationLro Lro { get; }

    public ServiceVersions Versions { get; }

    /// <summary>Whether the operation exists in any of <paramref name="versions"/>.</summary>
    public bool IsIn(ServiceVersions versions) => (Versions & versions) != 0;

    /// <summary>The escaped path for <paramref name="values"/> (see <see cref="RouteTemplate.Expand(string[])"/>).</summary>
    public string Path(params string[] values) => Route.Expand(values);

    /// <summary>Whether the operation may send the query parameter <paramref name="name"/> (<c>metadata[]</c> declares every <c>metadata[key]</c>).</summary>
    public bool Declares(string name)
    {
        foreach (string declared in Query)
        {
            if (string.Equals(declared, name, StringComparison.Ordinal) ||
                (declared.EndsWith("[]", StringComparison.Ordinal) && name.StartsWith(declared.Substring(0, declared.Length - 1), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name + ": " + Method + " " + Route.Text;
}
