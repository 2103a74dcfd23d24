using Azure;
using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.ResponseBuilders;

namespace Foundry.Training.Tests.Core;

public sealed class PipelineTests : IDisposable
{
    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private void RespondOk(string body = "{}") =>
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));

    private static async Task<Azure.Response> GetAsync(ServicePipeline pipeline, string path = "/training_jobs")
    {
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, path);
        return await pipeline.SendAsync(message, async: true, CancellationToken.None);
    }

    [Fact]
    public async Task TrainingJobs_SendsBearerTokenWithFoundryScope_ApiVersion_FeaturesHeader_AndUserAgent()
    {
        RespondOk();
        var credential = new StaticTokenCredential("entra-token");
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(new Uri(_service.Endpoint, "api/projects/p1/"), credential, new TrainingJobsClientOptions());

        await GetAsync(pipeline);

        var request = _service.SingleRequest.RequestMessage;
        request.AbsolutePath.Should().Be("/api/projects/p1/training_jobs");
        request.Query!["api-version"].Should().Equal("v1");
        request.Headers!["Authorization"].Should().Equal("Bearer entra-token");
        request.Headers["Foundry-Features"].Should().Equal("TrainingJobs=V1Preview");
        string version = typeof(ServicePipeline).Assembly.GetName().Version!.ToString(3);
        request.Headers["User-Agent"].Single().Should().Contain($"Foundry.Training/{version}");
        credential.RequestedScopes.Should().ContainSingle().Which.Should().Equal("https://ai.azure.com/.default");
    }

    [Fact]
    public async Task TokenIsCachedAcrossRequests()
    {
        RespondOk();
        var credential = new StaticTokenCredential();
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, credential, new TrainingJobsClientOptions());

        await GetAsync(pipeline);
        await GetAsync(pipeline);

        credential.RequestedScopes.Should().HaveCount(1);
        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ATokenAboutToExpire_IsRefreshed_AndTheNewOneSent()
    {
        RespondOk();
        var credential = new SequenceTokenCredential(
            new AccessToken("short-lived", DateTimeOffset.UtcNow.AddMinutes(2)), // within the five-minute refresh margin
            new AccessToken("fresh", DateTimeOffset.UtcNow.AddHours(1)));
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, credential, new TrainingJobsClientOptions());

        await GetAsync(pipeline);
        await GetAsync(pipeline);
        await GetAsync(pipeline);

        _service.Requests.Select(r => r.RequestMessage.Headers!["Authorization"].Single())
            .Should().Equal("Bearer short-lived", "Bearer fresh", "Bearer fresh");
        credential.Calls.Should().Be(2);
    }

    [Fact]
    public async Task OpenAI_ARotatedKey_IsSentFromTheNextRequestOn()
    {
        RespondOk();
        var key = new AzureKeyCredential("sk-first");
        ServicePipeline pipeline = ServicePipelineFactory.ForOpenAI(key, new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint });

        await GetAsync(pipeline, "/files");
        await GetAsync(pipeline, "/files");
        key.Update("sk-second");
        await GetAsync(pipeline, "/files");

        _service.Requests.Select(r => r.RequestMessage.Headers!["Authorization"].Single())
            .Should().Equal("Bearer sk-first", "Bearer sk-first", "Bearer sk-second");
    }

    [Fact]
    public async Task EveryRequest_CarriesItsOwnRandomClientRequestId()
    {
        RespondOk();
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), new TrainingJobsClientOptions());

        for (int i = 0; i < 3; i++)
        {
            await GetAsync(pipeline);
        }

        using HttpMessage nextLink = pipeline.CreateNextLinkRequest(new Uri(_service.Endpoint, "training_jobs?after=j").AbsoluteUri);
        await pipeline.SendAsync(nextLink, async: true, CancellationToken.None);

        string[] ids = _service.Requests.Select(r => r.RequestMessage.Headers!["x-ms-client-request-id"].Single()).ToArray();
        ids.Should().HaveCount(4).And.OnlyHaveUniqueItems();
        foreach (string id in ids)
        {
            Guid.TryParseExact(id, "D", out Guid guid).Should().BeTrue(id);
            guid.Version.Should().Be(4, id);
            (guid.Variant & 0b1100).Should().Be(0b1000, "{0} has the RFC 4122 variant", id);
        }

        _service.Requests.Select(r => r.RequestMessage.Headers!["x-ms-return-client-request-id"].Single()).Should().AllBe("true");
    }

    [Fact]
    public async Task AzureOpenAI_ApiKey_UsesOpenAIPathAndVersion()
    {
        RespondOk();
        var key = new AzureKeyCredential("aoai-key");
        ServicePipeline pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, key, new FineTuningClientOptions());

        await GetAsync(pipeline, "/fine_tuning/jobs");
        key.Update("rotated-key");
        await GetAsync(pipeline, "/fine_tuning/jobs");

        var requests = _service.Requests;
        requests[0].RequestMessage.AbsolutePath.Should().Be("/openai/fine_tuning/jobs");
        requests[0].RequestMessage.Query!["api-version"].Should().Equal("2024-05-01-preview");
        requests[0].RequestMessage.Headers!["api-key"].Should().Equal("aoai-key");
        requests[0].RequestMessage.Headers.Should().NotContainKey("Authorization");
        requests[1].RequestMessage.Headers!["api-key"].Should().Equal("rotated-key");
    }

    [Fact]
    public async Task AzureOpenAI_Entra_UsesCognitiveServicesScope()
    {
        RespondOk();
        var credential = new StaticTokenCredential("aoai-token");
        ServicePipeline pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, credential, new FineTuningClientOptions());

        await GetAsync(pipeline, "/files");

        _service.SingleRequest.RequestMessage.Headers!["Authorization"].Should().Equal("Bearer aoai-token");
        credential.RequestedScopes.Single().Should().Equal("https://cognitiveservices.azure.com/.default");
    }

    [Fact]
    public async Task OpenAI_BearerKey_OrganizationAndProject_NoApiVersion()
    {
        RespondOk();
        var options = new FineTuningClientOptions { OpenAIEndpoint = new Uri(_service.Endpoint, "v1"), OpenAIOrganization = "org-1", OpenAIProject = "proj-1" };
        ServicePipeline pipeline = ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("sk-test"), options);

        await GetAsync(pipeline, "/fine_tuning/jobs");

        var request = _service.SingleRequest.RequestMessage;
        request.AbsolutePath.Should().Be("/v1/fine_tuning/jobs");
        request.Query.Should().BeNullOrEmpty();
        request.Headers!["Authorization"].Should().Equal("Bearer sk-test");
        request.Headers["OpenAI-Organization"].Should().Equal("org-1");
        request.Headers["OpenAI-Project"].Should().Equal("proj-1");
    }

    [Fact]
    public async Task OpenAI_WithoutOrganization_SendsNoOrganizationHeader()
    {
        RespondOk();
        ServicePipeline pipeline = ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("sk"), new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint });

        await GetAsync(pipeline, "/files");

        _service.SingleRequest.RequestMessage.Headers.Should().NotContainKey("OpenAI-Organization").And.NotContainKey("OpenAI-Project");
    }

    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("http://10.0.0.1/")]
    public void CredentialsAreRefusedOverPlainHttpExceptLoopback(string endpoint)
    {
        var uri = new Uri(endpoint);
        Action foundry = () => ServicePipelineFactory.ForTrainingJobs(uri, new StaticTokenCredential(), new TrainingJobsClientOptions());
        Action aoai = () => ServicePipelineFactory.ForAzureOpenAI(uri, new AzureKeyCredential("k"), new FineTuningClientOptions());
        Action openai = () => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("k"), new FineTuningClientOptions { OpenAIEndpoint = uri });

        foundry.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("endpoint");
        aoai.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("endpoint");
        openai.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options.OpenAIEndpoint");
    }

    [Theory]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://example.com/")]
    public void HttpsAndLoopbackEndpointsAreAccepted(string endpoint) =>
        ServicePipelineFactory.ForTrainingJobs(new Uri(endpoint), new StaticTokenCredential(), new TrainingJobsClientOptions()).Should().NotBeNull();

    [Fact]
    public async Task CredentialsGoOnlyToTheClientsOwnEndpoint()
    {
        using var other = new MockService();
        other.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        RespondOk();
        ServicePipeline pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), new FineTuningClientOptions());
        using HttpMessage foreign = pipeline.CreateNextLinkRequest(new Uri(other.Endpoint, "openai/ingestion/jobs?skip=1").AbsoluteUri);
        using HttpMessage own = pipeline.CreateNextLinkRequest(new Uri(_service.Endpoint, "openai/ingestion/jobs?skip=1").AbsoluteUri);

        await pipeline.SendAsync(foreign, async: true, CancellationToken.None);
        await pipeline.SendAsync(own, async: true, CancellationToken.None);

        other.SingleRequest.RequestMessage.Headers.Should().NotContainKey("api-key");
        _service.SingleRequest.RequestMessage.Headers!["api-key"].Should().Equal("k");
    }

    [Fact]
    public void NextLinkKeepsItsQueryAndAddsApiVersionOnlyWhenMissing()
    {
        ServicePipeline pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), new FineTuningClientOptions());

        using HttpMessage without = pipeline.CreateNextLinkRequest("https://x.example.com/openai/ingestion/jobs?skip=100");
        using HttpMessage with = pipeline.CreateNextLinkRequest("https://x.example.com/openai/ingestion/jobs?api-version=2024-05-01-preview&skip=100");

        without.Request.Uri.ToUri().Query.Should().Be("?skip=100&api-version=2024-05-01-preview");
        with.Request.Uri.ToUri().Query.Should().Be("?api-version=2024-05-01-preview&skip=100");
    }

    [Fact]
    public void ServiceVersionsStartAtOneAndUnknownVersionsAreRejected()
    {
        ((int)TrainingJobsClientOptions.ServiceVersion.V1).Should().Be(1);
        ((int)FineTuningClientOptions.ServiceVersion.V2024_05_01_Preview).Should().Be(1);
        new FineTuningClientOptions().Version.Should().Be("2024-05-01-preview");
        ((Action)(() => new TrainingJobsClientOptions((TrainingJobsClientOptions.ServiceVersion)99))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => new FineTuningClientOptions((FineTuningClientOptions.ServiceVersion)0))).Should().Throw<ArgumentOutOfRangeException>();
    }

    public static TheoryData<string> Services => new() { "foundry", "aoai-key", "aoai-entra", "openai" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EveryServiceSendsTheFoundryTrainingUserAgent_AfterTheApplicationId(string service)
    {
        RespondOk();
        var jobsOptions = new TrainingJobsClientOptions();
        var fineTuningOptions = new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint };
        jobsOptions.Diagnostics.ApplicationId = "my-app";
        fineTuningOptions.Diagnostics.ApplicationId = "my-app";
        ServicePipeline pipeline = service switch
        {
            "foundry" => ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), jobsOptions),
            "aoai-key" => ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), fineTuningOptions),
            "aoai-entra" => ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new StaticTokenCredential(), fineTuningOptions),
            _ => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("k"), fineTuningOptions),
        };

        await GetAsync(pipeline, "/x");

        string informational = typeof(ServicePipeline).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];
        informational.Should().StartWith("0.1.0");
        string userAgent = _service.SingleRequest.RequestMessage.Headers!["User-Agent"].Single();
        userAgent.Should().StartWith("my-app ").And.Contain($"Foundry.Training/{informational} (");
    }

    [Fact]
    public async Task SyncAndAsyncSendTheSameRequest()
    {
        RespondOk();
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), new TrainingJobsClientOptions());
        using HttpMessage first = pipeline.CreateRequest(RequestMethod.Get, "/training_jobs/a");
        using HttpMessage second = pipeline.CreateRequest(RequestMethod.Get, "/training_jobs/a");

        pipeline.SendAsync(first, async: false, CancellationToken.None).EnsureCompleted().Status.Should().Be(200);
        (await pipeline.SendAsync(second, async: true, CancellationToken.None)).Status.Should().Be(200);

        _service.Requests.Select(r => r.RequestMessage.Url).Distinct().Should().ContainSingle();
    }
}
