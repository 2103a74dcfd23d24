using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>Construction, authentication, request validation and mocking of the fine-tuning clients.</summary>
public sealed class FineTuningClientTests : IDisposable
{
    private const string JobJson = """{"object":"fine_tuning.job","id":"ft-1","status":"pending","model":"m","training_file":"f"}""";
    private readonly MockService _service = new();

    public FineTuningClientTests()
    {
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(201).WithBody(JobJson));
    }

    public void Dispose() => _service.Dispose();

    private FineTuningClient AzureClient(bool validate = true) =>
        new(_service.Endpoint, new AzureKeyCredential("key"), new FineTuningClientOptions { ValidateRequests = validate });

    private FineTuningClient OpenAIClient(bool validate = true) =>
        FineTuningClient.ForOpenAI("sk", new FineTuningClientOptions { OpenAIEndpoint = new Uri(_service.Endpoint, "v1"), ValidateRequests = validate });

    [Theory]
    [InlineData("a-suffix-that-is-exactly-41-characters-xx", "$.suffix: Must have 1 to 40 characters on Azure OpenAI but has 41.")]
    [InlineData("my.model", "$.suffix: May only contain a-z, A-Z, 0-9, '-' and '_' on Azure OpenAI but contains '.'.")]
    public async Task CreateJob_Azure_RejectsASuffixTheSpecForbidsBeforeSending(string suffix, string problem)
    {
        Func<Task> create = () => AzureClient().CreateJobAsync(new FineTuningJobCreateOptions("m", "f") { Suffix = suffix });

        (await create.Should().ThrowAsync<ArgumentException>()).WithParameterName("options").Which.Message.Should().Contain(problem);
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public void CreateJob_Azure_AcceptsA40CharacterSuffix()
    {
        AzureClient().CreateJob(new FineTuningJobCreateOptions("m", "f") { Suffix = new string('a', 38) + "-_" });

        _service.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(65)]
    [InlineData(0)]
    public void CreateJob_OpenAI_RejectsASuffixOutside1To64Characters(int length)
    {
        ((Action)(() => OpenAIClient().CreateJob(new FineTuningJobCreateOptions("m", "f") { Suffix = new string('s', length) })))
            .Should().Throw<ArgumentException>().WithParameterName("options").Which.Message.Should().Contain($"$.suffix: Must have 1 to 64 characters but has {length}.");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public void CreateJob_ListsEveryProblemWithItsPath()
    {
        var options = new FineTuningJobCreateOptions
        {
            Method = new FineTuningMethod { Type = FineTuningMethodType.Reinforcement, Reinforcement = new ReinforcementMethod() },
            Integrations = { new FineTuningIntegration { Type = FineTuningIntegrationType.Wandb } },
        };
        for (int i = 0; i < 17; i++)
        {
            options.Metadata["k" + i] = "v";
        }

        options.Metadata[new string('k', 65)] = new string('v', 513);

        ArgumentException ex = ((Action)(() => OpenAIClient().CreateJob(options))).Should().Throw<ArgumentException>().Which;

        ex.Message.Should().StartWith("The FineTuningJobCreateOptions is not valid (7 problems):");
        options.Validate().Problems.Select(p => p.ToString()).Should().Equal(
            "$.model: Required; must not be empty.",
            "$.training_file: Required; must not be empty.",
            "$.method.reinforcement.grader: Required for reinforcement fine-tuning.",
            "$.integrations[0].wandb.project: Required; must not be empty.",
            "$.metadata: May hold at most 16 pairs but has 18.",
            $"$.metadata.{new string('k', 65)}: The key is longer than 64 characters.",
            $"$.metadata.{new string('k', 65)}: The value is longer than 512 characters.");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Validate_ChecksTheServiceSuffixRules()
    {
        var options = new FineTuningJobCreateOptions("m", "f") { Suffix = "v1.2-" + new string('x', 40) };

        options.Validate().IsValid.Should().BeTrue("the OpenAI platform allows 64 characters of any kind");
        options.Validate(azureOpenAI: true).Problems.Select(p => p.ToString()).Should().Equal(
            "$.suffix: Must have 1 to 40 characters on Azure OpenAI but has 45.",
            "$.suffix: May only contain a-z, A-Z, 0-9, '-' and '_' on Azure OpenAI but contains '.'.");
        ((Action)(() => options.EnsureValid(azureOpenAI: true))).Should().Throw<ArgumentException>().Which.ParamName.Should().BeNull();
        new FineTuningJobCreateOptions { Model = "m", TrainingFile = "f", Metadata = { ["my key"] = null! } }.Validate().Problems
            .Should().ContainSingle().Which.ToString().Should().Be("$.metadata['my key']: Required; must not be null.");
    }

    [Fact]
    public void CreateJob_WithoutValidation_LetsTheServiceJudge()
    {
        OpenAIClient(validate: false).CreateJob(new FineTuningJobCreateOptions { Suffix = new string('s', 100) });

        JsonAssert.Equivalent($$"""{"suffix":"{{new string('s', 100)}}"}""", _service.SingleRequest.RequestMessage.Body!);
    }

    [Fact]
    public void Arguments_AreCheckedBeforeAnyRequest()
    {
        FineTuningClient client = AzureClient();
        ((Action)(() => client.CreateJob(null!))).Should().Throw<ArgumentNullException>().WithParameterName("options");
        ((Action)(() => client.GetJob(null!))).Should().Throw<ArgumentNullException>().WithParameterName("jobId");
        ((Action)(() => client.CancelJob(""))).Should().Throw<ArgumentException>().WithParameterName("jobId");
        ((Action)(() => client.DeleteJob(""))).Should().Throw<ArgumentException>().WithParameterName("jobId");
        ((Action)(() => client.PauseJob(""))).Should().Throw<ArgumentException>().WithParameterName("jobId");
        ((Action)(() => client.ResumeJob(""))).Should().Throw<ArgumentException>().WithParameterName("jobId");
        ((Action)(() => client.GetFilesClient().Get(""))).Should().Throw<ArgumentException>().WithParameterName("fileId");
        ((Action)(() => client.GetFilesClient().DownloadContent(null!))).Should().Throw<ArgumentNullException>().WithParameterName("fileId");
        ((Action)(() => client.GetModelsClient().GetModel(""))).Should().Throw<ArgumentException>().WithParameterName("modelId");
        ((Action)(() => new FineTuningJobCreateOptions("", "f"))).Should().Throw<ArgumentException>().WithParameterName("model");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Constructors_RejectMissingOrInsecureEndpointsAndCredentials()
    {
        var key = new AzureKeyCredential("k");
        ((Action)(() => new FineTuningClient(null!, key))).Should().Throw<ArgumentNullException>().WithParameterName("azureOpenAIEndpoint");
        ((Action)(() => new FineTuningClient(new Uri("http://myresource.openai.azure.com"), key))).Should().Throw<ArgumentException>().WithParameterName("azureOpenAIEndpoint");
        ((Action)(() => new FineTuningClient(new Uri("https://myresource.openai.azure.com"), (AzureKeyCredential)null!))).Should().Throw<ArgumentNullException>().WithParameterName("credential");
        ((Action)(() => new FineTuningClient(new Uri("https://myresource.openai.azure.com"), (Azure.Core.TokenCredential)null!))).Should().Throw<ArgumentNullException>().WithParameterName("credential");
    }

    [Fact]
    public async Task EntraId_SendsABearerTokenForCognitiveServices()
    {
        var credential = new StaticTokenCredential("entra");
        var client = new FineTuningClient(new Uri(_service.Endpoint.AbsoluteUri + "/"), credential);

        await client.GetJobAsync("ft-1");

        var request = _service.SingleRequest.RequestMessage;
        request.AbsolutePath.Should().Be("/openai/fine_tuning/jobs/ft-1");
        request.Headers!["Authorization"].Should().Equal("Bearer entra");
        request.Query!["api-version"].Should().Equal("2024-05-01-preview");
        credential.RequestedScopes.Should().ContainSingle().Which.Should().Equal("https://cognitiveservices.azure.com/.default");
    }

    [Fact]
    public async Task Ids_AreEscapedInThePath()
    {
        // A '..' between the slashes is refused instead (Hostile/PathSegmentTests): a server that decodes %2F would read it as a parent.
        await AzureClient().GetJobAsync("ft/x./1 2");

        _service.SingleRequest.RequestMessage.Url.Should().Contain("/openai/fine_tuning/jobs/ft%2Fx.%2F1");
    }

    [Fact]
    public void SubClients_ShareTheConnection()
    {
        FineTuningClient client = AzureClient();

        IngestionJobsClient ingestion = client.GetIngestionJobsClient();

        ingestion.Pipeline!.Endpoint.Should().Be(new Uri(_service.Endpoint, "openai"));
        ingestion.Options.Should().NotBeNull();
        client.GetFilesClient().Should().NotBeNull();
        client.GetModelsClient().Should().NotBeNull();
    }

    [Fact]
    public async Task Clients_CanBeMocked()
    {
        FineTuningJob job = FineTuningModelFactory.FineTuningJob("ft-mock", FineTuningState.Succeeded);
        IFineTuningClient client = new MockFineTuningClient(job);

        (await client.GetJobAsync("ft-mock")).Value.Should().BeSameAs(job);
        (await client.WaitForCompletionAsync("ft-mock")).Value.Status.Should().Be(FineTuningState.Succeeded);
        client.GetFilesClient().Should().BeOfType<MockFilesClient>();
        ((IFineTuningFilesClient)client.GetFilesClient()).Should().NotBeNull();
    }

    private sealed class MockFineTuningClient : FineTuningClient
    {
        private readonly FineTuningJob _job;

        public MockFineTuningClient(FineTuningJob job) => _job = job;

        public override Task<Response<FineTuningJob>> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Azure.Response.FromValue(_job, null!));

        public override Task<Response<FineTuningJob>> WaitForCompletionAsync(string jobId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
            GetJobAsync(jobId, cancellationToken);

        public override FineTuningFilesClient GetFilesClient() => new MockFilesClient();
    }

    private sealed class MockFilesClient : FineTuningFilesClient
    {
    }
}
