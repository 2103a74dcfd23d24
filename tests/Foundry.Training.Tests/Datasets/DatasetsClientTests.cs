using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.Tests.Telemetry;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Mock = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Datasets;

/// <summary>The exact requests of <see cref="DatasetsClient"/> against a mock project, and what it reads back.</summary>
public sealed class DatasetsClientTests : IDisposable
{
    private readonly MockService _service = new();
    private readonly DatasetsClient _client;

    public DatasetsClientTests()
    {
        var options = new DatasetsClientOptions();
        options.Retry.MaxRetries = 0;
        _client = new DatasetsClient(new Uri(_service.Endpoint, "api/projects/proj"), new StaticTokenCredential("data-token"), options);
    }

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task CreateOrUpdateVersion_SendsAMergePatch_AndReadsTheVersion()
    {
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/chat/versions/3").UsingPatch())
            .RespondWith(Mock.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"uri_file","dataUri":"https://a.blob.core.windows.net/c/train.jsonl","name":"chat","version":"3","id":"azureai://x","isReference":false,"stage":"new"}"""));
        var version = new FileDatasetVersion("https://a.blob.core.windows.net/c/train.jsonl") { Description = "d" };
        version.Tags["team"] = "t";

        Response<DatasetVersion> response = await _client.CreateOrUpdateVersionAsync("chat", "3", version);

        var request = (WireMock.RequestMessage)_service.SingleRequest.RequestMessage;
        request.Method.Should().Be("PATCH");
        request.Query!["api-version"].Should().Equal("v1");
        request.Headers!["Content-Type"].Should().Equal("application/merge-patch+json");
        request.Headers["Authorization"].Should().Equal("Bearer data-token");
        JsonAssert.Equivalent("""{"type":"uri_file","dataUri":"https://a.blob.core.windows.net/c/train.jsonl","description":"d","tags":{"team":"t"}}""", request.Body!);
        response.GetRawResponse().Status.Should().Be(201);
        FileDatasetVersion read = response.Value.Should().BeOfType<FileDatasetVersion>().Subject;
        read.AssetReference.Should().Be("azureai://datasets/chat/versions/3");
        read.IsReference.Should().BeFalse();
        read.AdditionalProperties.Should().ContainKey("stage");
    }

    [Fact]
    public async Task GetVersions_FollowsNextLinks_AndKeepsUnknownTypes()
    {
        string next = new Uri(_service.Endpoint, "api/projects/proj/datasets/d/versions?api-version=v1&skip=1").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions").WithParam("skip", "1").UsingGet())
            .RespondWith(Mock.Create().WithHeader("Content-Type", "application/json").WithBody("""{"value":[{"type":"uri_folder","dataUri":"https://a/c/p","name":"d","version":"2"}]}"""));
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions").UsingGet()).AtPriority(10)
            .RespondWith(Mock.Create().WithHeader("Content-Type", "application/json").WithBody("{\"value\":[{\"type\":\"mltable\",\"dataUri\":\"https://a/c/t\",\"name\":\"d\",\"version\":\"1\"}],\"nextLink\":\"" + next + "\"}"));

        List<DatasetVersion> versions = await _client.GetVersionsAsync("d").ToListAsync();

        versions.Should().HaveCount(2);
        versions[0].Should().BeOfType<UnknownDatasetVersion>().Which.Type.Should().Be(new DatasetType("mltable"));
        versions[1].Should().BeOfType<FolderDatasetVersion>();
        _service.Requests.Select(r => r.RequestMessage.Method + " " + r.RequestMessage.AbsolutePath).Should().AllBe("GET /api/projects/proj/datasets/d/versions");
    }

    [Fact]
    public async Task StartPendingUpload_PostsBlobReference_AndDeleteIs204()
    {
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions/1/startPendingUpload").UsingPost())
            .RespondWith(Mock.Create().WithHeader("Content-Type", "application/json").WithBody("""{"blobReference":{"blobUri":"https://a.blob.core.windows.net/c","storageAccountArmId":"/s/a","credential":{"sasUri":"https://a.blob.core.windows.net/c?sv=1&sig=SECRET","type":"SAS"}},"pendingUploadId":"p1","pendingUploadType":"BlobReference"}"""));
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions/1").UsingDelete()).RespondWith(Mock.Create().WithStatusCode(204));

        PendingUploadResult pending = (await _client.StartPendingUploadAsync("d", "1")).Value;
        Response deleted = await _client.DeleteVersionAsync("d", "1");

        JsonAssert.Equivalent("""{"pendingUploadType":"BlobReference"}""", _service.Requests[0].RequestMessage.Body!);
        pending.PendingUploadId.Should().Be("p1");
        pending.BlobReference.Credential.CredentialType.Should().Be(PendingUploadCredentialType.Sas);
        pending.ToString().Should().NotContain("SECRET");
        deleted.Status.Should().Be(204);
    }

    [Fact]
    public async Task AnUploadWhoseBlobUriLeavesTheSasContainer_IsRefusedBeforeTheSasIsUsed()
    {
        string file = Path.Combine(Path.GetTempPath(), "h21-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(file, "x");
        string sas = new Uri(_service.Endpoint, "c?sv=1&sig=SECRET").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions/1/startPendingUpload").UsingPost())
            .RespondWith(Mock.Create().WithHeader("Content-Type", "application/json").WithBody("{\"blobReference\":{\"blobUri\":\"https://evil.example/c\",\"storageAccountArmId\":\"/s\",\"credential\":{\"sasUri\":\"" + sas + "\",\"type\":\"SAS\"}},\"pendingUploadId\":\"p\",\"pendingUploadType\":\"BlobReference\"}"));

        try
        {
            RequestFailedException error = (await FluentActions.Awaiting(() => _client.UploadFileAsync("d", file, "1")).Should().ThrowAsync<RequestFailedException>()).Which;

            error.ErrorCode.Should().Be("InvalidResponseBody");
            error.Message.Should().NotContain("SECRET").And.NotContain("evil.example");
            _service.Requests.Should().ContainSingle();
        }
        finally
        {
            File.Delete(file);
        }
    }
    [Theory]
    [InlineData(403, 1)]
    [InlineData(500, 1)]
    [InlineData(403, 200 * 1024)]
    [InlineData(503, 200 * 1024)]
    public async Task AFailedBlobOrBlockUpload_NeverPutsTheSasInTheException(int status, int size)
    {
        string file = Path.Combine(Path.GetTempPath(), "h21-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllBytesAsync(file, new byte[size]);
        const string Signature = "TOPSECRETSIGNATURE";
        string container = new Uri(_service.Endpoint, "c").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/api/projects/proj/datasets/d/versions/1/startPendingUpload").UsingPost())
            .RespondWith(Mock.Create().WithHeader("Content-Type", "application/json").WithBody("{\"blobReference\":{\"blobUri\":\"" + container + "\",\"storageAccountArmId\":\"/s\",\"credential\":{\"sasUri\":\"" + container + "?sv=2024-08-04&sr=c&sp=racwl&sig=" + Signature + "\",\"type\":\"SAS\"}},\"pendingUploadId\":\"p\",\"pendingUploadType\":\"BlobReference\"}"));
        // Storage's error shape; a hostile one echoes the request's query (with the signature) in its message.
        _service.Server.Given(Request.Create().WithPath("/c/*").UsingPut())
            .RespondWith(Mock.Create().WithStatusCode(status).WithHeader("Content-Type", "application/xml")
                .WithBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>Signature did not match for {{request.url}}</AuthenticationErrorDetail></Error>").WithTransformer());
        var options = new DatasetsClientOptions { UploadBlockSize = 64 * 1024, MaxConcurrentUploads = 2 };
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var client = new DatasetsClient(new Uri(_service.Endpoint, "api/projects/proj"), new StaticTokenCredential("data-token"), options);

        try
        {
            RequestFailedException error = (await FluentActions.Awaiting(() => client.UploadFileAsync("d", file, "1")).Should().ThrowAsync<RequestFailedException>()).Which;

            error.Status.Should().Be(status);
            error.ToString().Should().NotContain(Signature);
            error.Message.Should().NotContain(Signature);
            (error.GetRawResponse()?.ToString() ?? string.Empty).Should().NotContain(Signature);
            _service.Requests.Where(r => r.RequestMessage.Method == "PUT").Should().NotBeEmpty();
            _service.Requests.Should().NotContain(r => r.RequestMessage.Method == "PATCH", "no version is created for data that did not arrive");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UploadWithoutVersion_A404ForTheContentHashVersion_IsAnAnswer_NotAnErrorResponseOrAFailedSpan()
    {
        string file = Path.Combine(Path.GetTempPath(), "h21-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(file, "{}\n");
        string name = Path.GetFileName(file);
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"foundry-dataset-v1\nfile\n{name.Length}:{name}3:{{}}\n")))[..32].ToLowerInvariant();
        _service.Server.Given(Request.Create().WithPath($"/api/projects/proj/datasets/d/versions/{hash}").UsingGet())
            .RespondWith(Mock.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"NotFound","message":"No such version."}}"""));
        // The next step fails, so that the test sees how far the upload went after the 404.
        _service.Server.Given(Request.Create().WithPath($"/api/projects/proj/datasets/d/versions/{hash}/startPendingUpload").UsingPost())
            .RespondWith(Mock.Create().WithStatusCode(409).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"Conflict","message":"Busy."}}"""));
        using var capture = new LogCapture(EventLevel.Informational);
        using var spans = new SpanRecorder();

        try
        {
            RequestFailedException error = (await FluentActions.Awaiting(() => _client.UploadFileAsync("d", file)).Should().ThrowAsync<RequestFailedException>()).Which;

            error.Status.Should().Be(409, "the 404 said the version does not exist yet: the upload went on");
            var requests = _service.Requests.ToList();
            requests.Select(r => r.RequestMessage.Method + " " + r.RequestMessage.AbsolutePath).Should().Equal(
                $"GET /api/projects/proj/datasets/d/versions/{hash}",
                $"POST /api/projects/proj/datasets/d/versions/{hash}/startPendingUpload");
            var lookup = (WireMock.RequestMessage)requests[0].RequestMessage;
            lookup.Query!.Keys.Should().Equal("api-version");
            lookup.Query["api-version"].Should().Equal("v1");
            lookup.Headers!["Authorization"].Should().Equal("Bearer data-token");
            lookup.Body.Should().BeNullOrEmpty();

            string requestId = lookup.Headers["x-ms-client-request-id"].Single();
            capture.Text.Should().Contain($"Response [{requestId}] 404", "Azure.Core still logs the answer, as a plain response")
                .And.NotContain($"Error response [{requestId}]");
            Activity lookupSpan = spans.Single("DatasetsClient.GetVersion");
            lookupSpan.Status.Should().NotBe(ActivityStatusCode.Error);
            spans.Single("DatasetsClient.StartPendingUpload").Status.Should().Be(ActivityStatusCode.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(403)]
    [InlineData(409)]
    [InlineData(500)]
    public async Task UploadWithoutVersion_AnyOtherFailureOfTheLookup_ThrowsRequestFailedException_AndUploadsNothing(int status)
    {
        string file = Path.Combine(Path.GetTempPath(), "h21-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(file, "{}\n");
        _service.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/api/projects/proj/datasets/d/versions/*")).UsingGet())
            .RespondWith(Mock.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"Nope","message":"Not today."}}"""));

        try
        {
            RequestFailedException error = (await FluentActions.Awaiting(() => _client.UploadFileAsync("d", file)).Should().ThrowAsync<RequestFailedException>()).Which;

            error.Status.Should().Be(status);
            error.ErrorCode.Should().Be("Nope");
            _service.SingleRequest.RequestMessage.Method.Should().Be("GET");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
