using System.Diagnostics;
using System.Diagnostics.Tracing;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Telemetry;
using WireMock.RequestBuilders;
using Mock = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Datasets;

/// <summary>
/// The exact request of every operation of <c>DatasetsOperations</c> (method, path, query, headers, body), through both
/// the async and the sync twin, against the mapping files under Recordings/Datasets, and what the client reads back.
/// </summary>
public sealed class DatasetsRouteTests : IDisposable
{
    private const string Project = "/api/projects/proj";
    private const string Version = Project + "/datasets/chat/versions/3";

    private readonly MockService _service = new();
    private readonly DatasetsClient _client;

    public DatasetsRouteTests()
    {
        var options = new DatasetsClientOptions();
        options.Retry.MaxRetries = 0;
        _client = new DatasetsClient(new Uri(_service.Endpoint, "api/projects/proj"), new StaticTokenCredential("data-token"), options);
    }

    public void Dispose() => _service.Dispose();

    private void Load(string file) => Recordings.Load(_service.Server, "Datasets/" + file);

    /// <summary>The one request: its method, path, <c>api-version=v1</c> alone, the bearer token, and its body.</summary>
    private WireMock.RequestMessage AssertRequest(string method, string path, string? body = null)
    {
        var request = (WireMock.RequestMessage)_service.SingleRequest.RequestMessage;
        request.Method.Should().Be(method);
        request.AbsolutePath.Should().Be(path);
        request.Query!.Keys.Should().Equal("api-version");
        request.Query["api-version"].Should().Equal("v1");
        request.Headers!["Authorization"].Should().Equal("Bearer data-token");
        if (body is null)
        {
            request.Body.Should().BeNullOrEmpty();
        }
        else
        {
            JsonAssert.Equivalent(body, request.Body!);
        }

        return request;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetDatasets_ReadsTheLatestVersionOfEach(bool async)
    {
        Load("datasets_list.json");

        List<DatasetVersion> latest = async ? await _client.GetDatasetsAsync().ToListAsync() : _client.GetDatasets().ToList();

        AssertRequest("GET", Project + "/datasets");
        latest.Select(v => v.AssetReference).Should().Equal("azureai://datasets/chat/versions/3", "azureai://datasets/code/versions/a1b2");
        latest[0].Should().BeOfType<FileDatasetVersion>().Which.Tags.Should().Equal(new Dictionary<string, string> { ["team"] = "ml" });
        latest[1].Should().BeOfType<FolderDatasetVersion>().Which.DataUri.Should().Be("https://account.blob.core.windows.net/code-code/src");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetVersions_ReadsEveryVersion(bool async)
    {
        Load("versions_list.json");

        List<DatasetVersion> versions = async ? await _client.GetVersionsAsync("chat").ToListAsync() : _client.GetVersions("chat").ToList();

        AssertRequest("GET", Project + "/datasets/chat/versions");
        versions.Select(v => v.Version).Should().Equal("1", "2");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetVersion_ReadsEveryProperty(bool async)
    {
        Load("version_get.json");

        DatasetVersion version = async ? (await _client.GetVersionAsync("chat", "3")).Value : _client.GetVersion("chat", "3").Value;

        AssertRequest("GET", Version);
        FileDatasetVersion file = version.Should().BeOfType<FileDatasetVersion>().Subject;
        file.Id.Should().Be("azureai://accounts/a/projects/proj/data/chat/versions/3");
        file.DataUri.Should().Be("https://account.blob.core.windows.net/data-chat/train.jsonl");
        file.IsReference.Should().BeFalse();
        file.Description.Should().Be("chat examples");
        file.ConnectionName.Should().Be("workspaceblobstore");
    }

    private async Task<NullableResponse<DatasetVersion>> GetVersionIfExists(string name, string version, bool async) =>
        async ? await _client.GetVersionIfExistsAsync(name, version) : _client.GetVersionIfExists(name, version);

    private void RespondToTheVersion(int status) =>
        _service.Server.Given(Request.Create().WithPath(Version).UsingGet())
            .RespondWith(Mock.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"Nope","message":"Not here."}}"""));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetVersionIfExists_AnExistingVersion_IsTheGetVersionsRequestAndValue(bool async)
    {
        Load("version_get.json");

        NullableResponse<DatasetVersion> response = await GetVersionIfExists("chat", "3", async);

        AssertRequest("GET", Version);
        response.HasValue.Should().BeTrue();
        response.GetRawResponse().Status.Should().Be(200);
        FileDatasetVersion file = response.Value.Should().BeOfType<FileDatasetVersion>().Subject;
        file.Id.Should().Be("azureai://accounts/a/projects/proj/data/chat/versions/3");
        file.DataUri.Should().Be("https://account.blob.core.windows.net/data-chat/train.jsonl");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetVersionIfExists_AMissingVersion_HasNoValue_NotAnErrorResponseOrAFailedSpan(bool async)
    {
        RespondToTheVersion(404);
        using var capture = new LogCapture(EventLevel.Informational);
        using var spans = new SpanRecorder();

        NullableResponse<DatasetVersion> response = await GetVersionIfExists("chat", "3", async);

        WireMock.RequestMessage request = AssertRequest("GET", Version);
        response.HasValue.Should().BeFalse();
        response.GetRawResponse().Status.Should().Be(404);
        string requestId = request.Headers!["x-ms-client-request-id"].Single();
        capture.Text.Should().Contain($"Response [{requestId}] 404", "Azure.Core still logs the answer, as a plain response")
            .And.NotContain($"Error response [{requestId}]");
        spans.Single("DatasetsClient.GetVersion").Status.Should().NotBe(ActivityStatusCode.Error);
    }

    [Theory]
    [InlineData(403, true)]
    [InlineData(403, false)]
    [InlineData(500, true)]
    [InlineData(500, false)]
    public async Task GetVersionIfExists_AnyOtherFailure_ThrowsRequestFailedException(int status, bool async)
    {
        RespondToTheVersion(status);

        Func<Task> get = () => GetVersionIfExists("chat", "3", async);

        (await get.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("", false)]
    [InlineData("..", true)]
    [InlineData("..", false)]
    public async Task GetVersionIfExists_InvalidArguments_FailFast_NamingTheParameter_AndSendNothing(string? bad, bool async)
    {
        (await FluentActions.Awaiting(() => GetVersionIfExists(bad!, "3", async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("name");
        (await FluentActions.Awaiting(() => GetVersionIfExists("chat", bad!, async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("version");
        _service.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateOrUpdateVersion_PatchesWithAMergePatchBody(bool async)
    {
        Load("version_create.json");
        var version = new FileDatasetVersion("https://account.blob.core.windows.net/data-chat/train.jsonl") { Description = "chat examples" };

        Response<DatasetVersion> created = async ? await _client.CreateOrUpdateVersionAsync("chat", "3", version) : _client.CreateOrUpdateVersion("chat", "3", version);

        WireMock.RequestMessage request = AssertRequest("PATCH", Version, """{"type":"uri_file","dataUri":"https://account.blob.core.windows.net/data-chat/train.jsonl","description":"chat examples"}""");
        request.Headers!["Content-Type"].Single().Should().StartWith("application/merge-patch+json");
        created.GetRawResponse().Status.Should().Be(201);
        created.Value.AssetReference.Should().Be("azureai://datasets/chat/versions/3");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteVersion_Is204(bool async)
    {
        Load("version_delete.json");

        Response deleted = async ? await _client.DeleteVersionAsync("chat", "3") : _client.DeleteVersion("chat", "3");

        AssertRequest("DELETE", Version);
        deleted.Status.Should().Be(204);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartPendingUpload_PostsABlobReferenceRequest(bool async)
    {
        Load("start_pending_upload.json");

        PendingUploadResult pending = async ? (await _client.StartPendingUploadAsync("chat", "3")).Value : _client.StartPendingUpload("chat", "3").Value;

        AssertRequest("POST", Version + "/startPendingUpload", """{"pendingUploadType":"BlobReference"}""");
        pending.PendingUploadId.Should().Be("upload-3");
        pending.Version.Should().Be("3");
        pending.PendingUploadType.Should().Be(PendingUploadType.BlobReference);
        pending.BlobReference.BlobUri.Should().Be(new Uri("https://account.blob.core.windows.net/data-chat-3"));
        pending.BlobReference.Credential.SasUri!.Query.Should().Contain("sig=RECORDEDSIG");
        pending.ToString().Should().NotContain("RECORDEDSIG");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCredentials_PostsWithoutABody(bool async)
    {
        Load("credentials.json");

        DatasetCredential credential = async ? (await _client.GetCredentialsAsync("chat", "3")).Value : _client.GetCredentials("chat", "3").Value;

        AssertRequest("POST", Version + "/credentials");
        credential.BlobReference.StorageAccountArmId.Should().EndWith("/storageAccounts/account");
        credential.BlobReference.Credential.CredentialType.Should().Be(PendingUploadCredentialType.Sas);
    }
}
