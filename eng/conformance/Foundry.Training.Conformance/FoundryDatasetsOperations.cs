using System.Collections.Generic;
using System.Threading;
using Azure;
using Foundry.Training.Datasets;

namespace Foundry.Training.Conformance;

/// <summary>
/// Every <see cref="DatasetsClient"/> operation of its table against the Foundry datasets routes (routes.tsp of
/// specs/foundry-datasets/), compiled into the same document as the training jobs routes.
/// </summary>
internal static class FoundryDatasetsOperations
{
    private const string Version = "^/datasets/[^/]+/versions/[^/]+";

    private static int s_versions;

    public static IReadOnlyList<ConformanceOperation> All { get; } = new List<ConformanceOperation>
    {
        new()
        {
            Name = "DatasetsClient.GetDatasets", SpecOperation = "Datasets_listLatest", Method = "GET", PathPattern = "^/datasets$",
            Body = async (c, async, ct) => async
                ? await OperationContext.ReadPagesAsync(c.Datasets.GetDatasetsAsync(ct), maxPages: 1)
                : OperationContext.ReadPages(c.Datasets.GetDatasets(ct), maxPages: 1),
        },
        new()
        {
            Name = "DatasetsClient.GetVersions", SpecOperation = "Datasets_listVersions", Method = "GET", PathPattern = "^/datasets/[^/]+/versions$",
            Body = async (c, async, ct) => async
                ? await OperationContext.ReadPagesAsync(c.Datasets.GetVersionsAsync(c.Fixture.DatasetName, ct), maxPages: 1)
                : OperationContext.ReadPages(c.Datasets.GetVersions(c.Fixture.DatasetName, ct), maxPages: 1),
        },
        new()
        {
            Name = "DatasetsClient.GetVersion", SpecOperation = "Datasets_getVersion", Method = "GET", PathPattern = Version + "$",
            Body = async (c, async, ct) => Describe((async
                ? await c.Datasets.GetVersionAsync(c.Fixture.DatasetName, c.Fixture.DatasetVersion, ct)
                : c.Datasets.GetVersion(c.Fixture.DatasetName, c.Fixture.DatasetVersion, ct)).Value),
        },
        new()
        {
            Name = "DatasetsClient.CreateOrUpdateVersion (create a file version)", SpecOperation = "Datasets_createOrUpdateVersion", Method = "PATCH", PathPattern = Version + "$",
            Body = async (c, async, ct) =>
            {
                var version = new FileDatasetVersion("https://account.blob.core.windows.net/conformance/train.jsonl") { Description = "conformance" };
                version.Tags["team"] = "conformance";
                string number = NewVersion();
                return Describe((async
                    ? await c.Datasets.CreateOrUpdateVersionAsync(c.Fixture.DatasetName, number, version, ct)
                    : c.Datasets.CreateOrUpdateVersion(c.Fixture.DatasetName, number, version, ct)).Value);
            },
        },
        new()
        {
            Name = "DatasetsClient.CreateOrUpdateVersion (update the description)", SpecOperation = "Datasets_createOrUpdateVersion", Method = "PATCH", PathPattern = Version + "$",
            Body = async (c, async, ct) =>
            {
                var update = new FileDatasetVersion("https://account.blob.core.windows.net/conformance/train.jsonl") { Description = "updated" };
                return Describe((async
                    ? await c.Datasets.CreateOrUpdateVersionAsync(c.Fixture.DatasetName, c.Fixture.DatasetVersion, update, ct)
                    : c.Datasets.CreateOrUpdateVersion(c.Fixture.DatasetName, c.Fixture.DatasetVersion, update, ct)).Value);
            },
        },
        new()
        {
            Name = "DatasetsClient.DeleteVersion", SpecOperation = "Datasets_deleteVersion", Method = "DELETE", PathPattern = Version + "$",
            Body = async (c, async, ct) =>
            {
                string version = await c.Fixture.NewDatasetVersionAsync(ct);
                Response response = async ? await c.Datasets.DeleteVersionAsync(c.Fixture.DatasetName, version, ct) : c.Datasets.DeleteVersion(c.Fixture.DatasetName, version, ct);
                return "status " + response.Status;
            },
        },
        new()
        {
            Name = "DatasetsClient.StartPendingUpload", SpecOperation = "Datasets_startPendingUploadVersion", Method = "POST", PathPattern = Version + "/startPendingUpload$",
            Body = async (c, async, ct) =>
            {
                string version = NewVersion();
                PendingUploadResult pending = (async
                    ? await c.Datasets.StartPendingUploadAsync(c.Fixture.DatasetName, version, cancellationToken: ct)
                    : c.Datasets.StartPendingUpload(c.Fixture.DatasetName, version, cancellationToken: ct)).Value;
                return $"pending upload {pending.PendingUploadId} ({pending.PendingUploadType}) into {pending.BlobReference.BlobUri}";
            },
        },
        new()
        {
            Name = "DatasetsClient.GetCredentials", SpecOperation = "Datasets_getCredentials", Method = "POST", PathPattern = Version + "/credentials$",
            Body = async (c, async, ct) =>
            {
                DatasetCredential credential = (async
                    ? await c.Datasets.GetCredentialsAsync(c.Fixture.DatasetName, c.Fixture.DatasetVersion, ct)
                    : c.Datasets.GetCredentials(c.Fixture.DatasetName, c.Fixture.DatasetVersion, ct)).Value;
                return $"credential {credential.BlobReference.Credential.CredentialType} for {credential.BlobReference.BlobUri}";
            },
        },
    };

    /// <summary>A version nobody has used (a create through a proxy makes a real one, once per twin).</summary>
    private static string NewVersion() => "c" + Interlocked.Increment(ref s_versions);

    private static string Describe(DatasetVersion version) => $"{version.Type} {version.AssetReference}";
}
