using System.Collections.Generic;
using static Foundry.Training.OperationLro;
using static Foundry.Training.OperationPaging;
using static Foundry.Training.ServiceVersions;

namespace Foundry.Training.Datasets;

/// <summary>
/// The operation table of Foundry datasets (routes.tsp: <c>VersionedOperations</c> of resource <c>datasets</c>, plus
/// <c>startPendingUpload</c> and <c>credentials</c>), relative to the project endpoint: <see cref="DatasetsClient"/>
/// builds every request from it, the emulator routes by it and the tests enumerate it. A placeholder is the client
/// method's parameter name.
/// </summary>
/// <remarks>Compiled into the emulator as linked source (docs/conventions.md, "The operation tables").</remarks>
internal static class DatasetsOperations
{
    private const string Version = "/datasets/{name}/versions/{version}";

    private static readonly OperationTable s_table = new();

    /// <summary>Every operation, in the order below.</summary>
    public static IReadOnlyList<ServiceOperation> All => s_table.Operations;

    // One line per operation: name, method, route, query, response model, paging, long-running kind, versions.
    public static readonly ServiceOperation GetDatasets           = s_table.Op("DatasetsClient.GetDatasets",           "GET",    "/datasets",                          "", typeof(DatasetVersion),      NextLink, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation GetVersions           = s_table.Op("DatasetsClient.GetVersions",           "GET",    "/datasets/{name}/versions",          "", typeof(DatasetVersion),      NextLink, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation GetVersion            = s_table.Op("DatasetsClient.GetVersion",            "GET",    Version,                              "", typeof(DatasetVersion),      NotPaged, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation CreateOrUpdateVersion = s_table.Op("DatasetsClient.CreateOrUpdateVersion", "PATCH",  Version,                              "", typeof(DatasetVersion),      NotPaged, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation DeleteVersion         = s_table.Op("DatasetsClient.DeleteVersion",         "DELETE", Version,                              "", null,                        NotPaged, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation StartPendingUpload    = s_table.Op("DatasetsClient.StartPendingUpload",    "POST",   Version + "/startPendingUpload",      "", typeof(PendingUploadResult), NotPaged, Immediate, FoundryDatasetsV1);
    public static readonly ServiceOperation GetCredentials        = s_table.Op("DatasetsClient.GetCredentials",        "POST",   Version + "/credentials",             "", typeof(DatasetCredential),   NotPaged, Immediate, FoundryDatasetsV1);
}
