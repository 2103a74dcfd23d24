using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Security;

/// <summary>
/// Credentials travel only over HTTPS or to loopback. Extends <c>PipelineTests</c> (plain HTTP hosts, the key on a
/// foreign next link) with look-alike hosts, every credential kind on a foreign host, and the unauthenticated downloads.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly MockService _service = new();

    public TransportSecurityTests() =>
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("ws://localhost/")]
    public void LookAlikeAndNonHttpEndpointsAreRefused(string endpoint)
    {
        var uri = new Uri(endpoint);
        Action foundry = () => ServicePipelineFactory.ForTrainingJobs(uri, new StaticTokenCredential(), new TrainingJobsClientOptions());
        Action aoaiKey = () => ServicePipelineFactory.ForAzureOpenAI(uri, new AzureKeyCredential("k"), new FineTuningClientOptions());
        Action aoaiToken = () => ServicePipelineFactory.ForAzureOpenAI(uri, new StaticTokenCredential(), new FineTuningClientOptions());
        Action openai = () => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("k"), new FineTuningClientOptions { OpenAIEndpoint = uri });

        foreach (Action create in new[] { foundry, aoaiKey, aoaiToken })
        {
            create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("endpoint");
        }

        openai.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options.OpenAIEndpoint");
    }

    [Theory]
    [InlineData("http://127.0.0.2:8080/")]
    [InlineData("http://LOCALHOST/")]
    public void EveryLoopbackFormIsAccepted(string endpoint) =>
        ServicePipelineFactory.ForAzureOpenAI(new Uri(endpoint), new AzureKeyCredential("k"), new FineTuningClientOptions()).Should().NotBeNull();

    public static TheoryData<string> Credentials() => new() { "foundry-token", "aoai-key", "aoai-token", "openai-key" };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task NoCredentialIsAcquiredOrSentToAnotherHost(string kind)
    {
        using var other = new MockService();
        other.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var credential = new StaticTokenCredential();
        var options = new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint };
        ServicePipeline pipeline = kind switch
        {
            "foundry-token" => ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, credential, new TrainingJobsClientOptions()),
            "aoai-key" => ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), options),
            "aoai-token" => ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, credential, options),
            _ => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential("k"), options),
        };
        using HttpMessage message = pipeline.CreateNextLinkRequest(new Uri(other.Endpoint, "operations/1").AbsoluteUri);

        await pipeline.SendAsync(message, async: true, CancellationToken.None);

        credential.RequestedScopes.Should().BeEmpty("no token is fetched for a request that may not carry it");
        var headers = other.SingleRequest.RequestMessage.Headers!;
        headers.Should().NotContainKey("Authorization").And.NotContainKey("api-key");
    }

    [Fact]
    public async Task DownloadsCarryNoCredential()
    {
        HttpPipeline downloads = ServicePipelineFactory.ForDownloads(new TrainingJobsClientOptions());
        using HttpMessage message = downloads.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(_service.Endpoint, "artifacts/model.bin?sig=abc"));

        await downloads.SendAsync(message, CancellationToken.None);

        message.Response.Status.Should().Be(200);
        var headers = _service.SingleRequest.RequestMessage.Headers!;
        headers.Should().NotContainKey("Authorization").And.NotContainKey("api-key");
    }
}
