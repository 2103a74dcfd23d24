using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.DependencyInjection;

/// <summary>
/// The clients registered through Microsoft.Extensions.Azure (<c>services.AddAzureClients</c>): credentials, options and
/// configuration sections reach the requests the resolved clients send.
/// </summary>
public sealed class ClientRegistrationTests : IDisposable
{
    private const string JobJson = """{"name":"job-1","id":"/jobs/job-1","properties":{"job_type":"command","compute_id":"c","command":"run","environment_image_reference":"env","status":"Running"}}""";
    private const string FineTuningJobJson = """{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","created_at":1,"status":"running","training_file":"file-1"}""";

    private readonly MockService _service = new();

    public ClientRegistrationTests()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/p/training_jobs/job-1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JobJson));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs/ftjob-1", "/v1/fine_tuning/jobs/ftjob-1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(FineTuningJobJson));
    }

    private Uri ProjectEndpoint => new(_service.Endpoint, "api/projects/p");

    public void Dispose() => _service.Dispose();

    private static ServiceProvider Build(Action<AzureClientFactoryBuilder> configure, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton(configuration);
        }

        services.AddAzureClients(configure);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private ILogEntry SingleRequest(string path)
    {
        ILogEntry entry = _service.SingleRequest;
        entry.RequestMessage.AbsolutePath.Should().Be(path);
        return entry;
    }

    [Fact]
    public async Task TrainingJobsClient_WithEndpoint_UsesTheBuildersDefaultCredentialAndOptions()
    {
        using ServiceProvider provider = Build(builder =>
        {
            builder.AddTrainingJobsClient(ProjectEndpoint).ConfigureOptions(o => o.FoundryFeatures = "TrainingJobs=V2Preview");
            builder.UseCredential(new StaticTokenCredential("di-token"));
        });

        TrainingJobsClient client = provider.GetRequiredService<TrainingJobsClient>();
        TrainingJob job = (await client.GetAsync("job-1")).Value;

        job.Name.Should().Be("job-1");
        provider.GetRequiredService<TrainingJobsClient>().Should().BeSameAs(client, "registered clients are singletons");
        var headers = SingleRequest("/api/projects/p/training_jobs/job-1").RequestMessage.Headers!;
        headers["Authorization"].Should().Equal("Bearer di-token");
        headers["Foundry-Features"].Should().Equal("TrainingJobs=V2Preview");
        _service.SingleRequest.RequestMessage.Query!["api-version"].Should().Equal("v1");
    }

    [Fact]
    public async Task TrainingJobsClient_WithExplicitCredential_IgnoresTheDefault()
    {
        var credential = new StaticTokenCredential("explicit-token");
        using ServiceProvider provider = Build(builder =>
        {
            builder.AddTrainingJobsClient(ProjectEndpoint, credential);
            builder.UseCredential(new StaticTokenCredential("default-token"));
        });

        await provider.GetRequiredService<TrainingJobsClient>().GetAsync("job-1");

        SingleRequest("/api/projects/p/training_jobs/job-1").RequestMessage.Headers!["Authorization"].Should().Equal("Bearer explicit-token");
        credential.RequestedScopes.Should().ContainSingle().Which.Should().Equal("https://ai.azure.com/.default");
    }

    [Fact]
    public async Task TrainingJobsClient_FromConfigurationSection_BindsEndpointAndOptions()
    {
        IConfiguration configuration = Configuration(
            ("TrainingJobs:endpoint", ProjectEndpoint.ToString()),
            ("TrainingJobs:FoundryFeatures", "TrainingJobs=FromConfig"),
            ("TrainingJobs:Retry:MaxRetries", "0"));
        using ServiceProvider provider = Build(builder =>
        {
            builder.AddTrainingJobsClient(configuration.GetSection("TrainingJobs"));
            builder.UseCredential(new StaticTokenCredential("config-token"));
        });

        TrainingJobsClient client = provider.GetRequiredService<TrainingJobsClient>();
        await client.GetAsync("job-1");

        client.Endpoint.Should().Be(ProjectEndpoint);
        var headers = SingleRequest("/api/projects/p/training_jobs/job-1").RequestMessage.Headers!;
        headers["Authorization"].Should().Equal("Bearer config-token");
        headers["Foundry-Features"].Should().Equal("TrainingJobs=FromConfig");
    }

    [Fact]
    public async Task NamedRegistrations_AreCreatedThroughTheClientFactory()
    {
        using ServiceProvider provider = Build(builder =>
        {
            builder.AddTrainingJobsClient(ProjectEndpoint).WithName("east").WithCredential(new StaticTokenCredential("east-token"));
            builder.AddTrainingJobsClient(new Uri("https://west.services.ai.azure.com/api/projects/w")).WithName("west");
        });

        IAzureClientFactory<TrainingJobsClient> factory = provider.GetRequiredService<IAzureClientFactory<TrainingJobsClient>>();
        factory.CreateClient("west").Endpoint.Host.Should().Be("west.services.ai.azure.com");
        await factory.CreateClient("east").GetAsync("job-1");

        SingleRequest("/api/projects/p/training_jobs/job-1").RequestMessage.Headers!["Authorization"].Should().Equal("Bearer east-token");
    }

    [Fact]
    public async Task FineTuningClient_WithApiKey_SendsTheKeyHeader()
    {
        using ServiceProvider provider = Build(builder => builder.AddFineTuningClient(_service.Endpoint, new AzureKeyCredential("aoai-key")));

        FineTuningJob job = (await provider.GetRequiredService<FineTuningClient>().GetJobAsync("ftjob-1")).Value;

        job.Id.Should().Be("ftjob-1");
        ILogEntry entry = SingleRequest("/openai/fine_tuning/jobs/ftjob-1");
        entry.RequestMessage.Headers!["api-key"].Should().Equal("aoai-key");
        entry.RequestMessage.Query!["api-version"].Should().Equal("2024-05-01-preview");
    }

    [Fact]
    public async Task FineTuningClient_WithEntraId_UsesTheCognitiveServicesScope()
    {
        var credential = new StaticTokenCredential("aoai-token");
        using ServiceProvider provider = Build(builder =>
        {
            builder.AddFineTuningClient(_service.Endpoint);
            builder.UseCredential(credential);
        });

        await provider.GetRequiredService<FineTuningClient>().GetJobAsync("ftjob-1");

        SingleRequest("/openai/fine_tuning/jobs/ftjob-1").RequestMessage.Headers!["Authorization"].Should().Equal("Bearer aoai-token");
        credential.RequestedScopes.Should().ContainSingle().Which.Should().Equal("https://cognitiveservices.azure.com/.default");
    }

    [Fact]
    public async Task FineTuningClient_FromConfigurationSection_TakesAnApiKey()
    {
        IConfiguration configuration = Configuration(
            ("FineTuning:azureOpenAIEndpoint", _service.Endpoint.ToString()),
            ("FineTuning:credential:key", "configured-key"));
        using ServiceProvider provider = Build(builder => builder.AddFineTuningClient(configuration.GetSection("FineTuning")));

        await provider.GetRequiredService<FineTuningClient>().GetJobAsync("ftjob-1");

        SingleRequest("/openai/fine_tuning/jobs/ftjob-1").RequestMessage.Headers!["api-key"].Should().Equal("configured-key");
    }

    [Fact]
    public async Task OpenAIFineTuningClient_SendsTheBearerKeyToTheConfiguredEndpoint()
    {
        using ServiceProvider provider = Build(builder =>
            builder.AddOpenAIFineTuningClient("sk-di").ConfigureOptions(o =>
            {
                o.OpenAIEndpoint = new Uri(_service.Endpoint, "v1");
                o.OpenAIProject = "proj-1";
            }));

        await provider.GetRequiredService<FineTuningClient>().GetJobAsync("ftjob-1");

        ILogEntry entry = SingleRequest("/v1/fine_tuning/jobs/ftjob-1");
        entry.RequestMessage.Headers!["Authorization"].Should().Equal("Bearer sk-di");
        entry.RequestMessage.Headers["OpenAI-Project"].Should().Equal("proj-1");
        entry.RequestMessage.Query.Should().NotContainKey("api-version");
    }

    [Fact]
    public void NullArguments_AreRejectedWhenRegistering()
    {
        var services = new ServiceCollection();
        services.AddAzureClients(builder =>
        {
            FluentActions.Invoking(() => builder.AddTrainingJobsClient((Uri)null!)).Should().Throw<ArgumentNullException>().WithParameterName("endpoint");
            FluentActions.Invoking(() => builder.AddTrainingJobsClient(ProjectEndpoint, null!)).Should().Throw<ArgumentNullException>().WithParameterName("credential");
            FluentActions.Invoking(() => builder.AddTrainingJobsClient((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
            FluentActions.Invoking(() => builder.AddFineTuningClient((Uri)null!)).Should().Throw<ArgumentNullException>().WithParameterName("azureOpenAIEndpoint");
            FluentActions.Invoking(() => builder.AddFineTuningClient(_service.Endpoint, null!)).Should().Throw<ArgumentNullException>().WithParameterName("credential");
            FluentActions.Invoking(() => builder.AddFineTuningClient((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
            FluentActions.Invoking(() => builder.AddOpenAIFineTuningClient("")).Should().Throw<ArgumentException>().WithParameterName("apiKey");
        });
    }
}
