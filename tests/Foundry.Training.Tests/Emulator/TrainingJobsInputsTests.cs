using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The routes of the later routes revision the emulator serves: a job's and an attempt's inputs (list and get) and the
/// services of one node, on a manual clock.
/// </summary>
public sealed class TrainingJobsInputsTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;
    private readonly RawHttp _http;

    public TrainingJobsInputsTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 4 });
        _client = _emulator.CreateTrainingJobsClient();
        _http = new RawHttp(_emulator);
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    private static CommandJob RecipeWithDeclaredInputs()
    {
        CommandJob job = EmulatorJobs.SftWithLora();
        job.Inputs["prompts"] = new JobInput(AssetTypes.UriFolder) { Uri = "azureai://datastores/ws/paths/prompts", Mode = InputOutputModes.ReadOnlyMount };
        job.Inputs["seed"] = new JobInput(AssetTypes.Literal) { Value = "42" };
        job.Inputs["eval"] = new JobInput(AssetTypes.UriFile) { Uri = "azureai://datastores/ws/paths/eval.jsonl" };
        return job;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JobInputs_AreTheDeclaredInputsThenTheRecipesModelAndDatasets_SortedByName(bool async)
    {
        await _client.CreateAsync("with-inputs", RecipeWithDeclaredInputs());

        List<JobExecutionAssetReference> inputs = async ? await _client.GetInputsAsync("with-inputs").ToListAsync() : _client.GetInputs("with-inputs").ToList();

        inputs.Select(i => (i.Name, i.Type, i.AssetId)).Should().Equal(
            ("eval", "uri_file", "azureai://datastores/ws/paths/eval.jsonl"), // declared: wins over the recipe's eval dataset
            ("model", "safetensors_model", "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1"),
            ("prompts", "uri_folder", "azureai://datastores/ws/paths/prompts"),
            ("seed", "literal", null),
            ("train", "uri_file", "azureai://accounts/a/projects/p/data/train/versions/1"));
        JobExecutionAssetReference train = async ? (await _client.GetInputAsync("with-inputs", "train")).Value : _client.GetInput("with-inputs", "train").Value;
        train.AssetId.Should().Be("azureai://accounts/a/projects/p/data/train/versions/1");
    }

    [Fact]
    public async Task CommandJobWithoutInputs_HasNone_AndAnUnknownInputIsNotFound()
    {
        await _client.CreateAsync("plain", EmulatorJobs.Command());

        // An empty Foundry page leaves its optional ids out rather than sending null.
        JsonNode empty = await RawHttp.JsonOf(await _http.FoundryAsync(HttpMethod.Get, "/training_jobs/plain/inputs"));
        empty.AsObject().Select(p => p.Key).Should().BeEquivalentTo("data", "has_more");

        (await _client.GetInputsAsync("plain").ToListAsync()).Should().BeEmpty();
        RequestFailedException missing = (await FluentActions.Awaiting(() => _client.GetInputAsync("plain", "data")).Should().ThrowAsync<RequestFailedException>()).Which;
        missing.Status.Should().Be(404);
        missing.ErrorCode.Should().Be("NotFound");
        missing.Message.Should().Contain("Input 'data' of training job 'plain' was not found.");
        (await FluentActions.Awaiting(() => _client.GetInputsAsync("no-such-job").ToListAsync().AsTask()).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task AttemptInputs_AppearWithTheAttempt_AndEqualTheJobsInputs()
    {
        await _client.CreateAsync("attempted", RecipeWithDeclaredInputs());
        (await FluentActions.Awaiting(() => _client.GetAttemptInputsAsync("attempted", TrainingJobsClient.LatestAttempt).ToListAsync().AsTask())
            .Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);

        _clock.Advance(2 * s_step); // running: attempt 1
        List<JobExecutionAssetReference> jobInputs = await _client.GetInputsAsync("attempted").ToListAsync();
        List<JobExecutionAssetReference> latest = await _client.GetAttemptInputsAsync("attempted", TrainingJobsClient.LatestAttempt).ToListAsync();
        List<JobExecutionAssetReference> first = _client.GetAttemptInputs("attempted", "1").ToList();

        latest.Select(i => (i.Name, i.Type, i.AssetId)).Should().Equal(jobInputs.Select(i => (i.Name, i.Type, i.AssetId)));
        first.Select(i => i.Name).Should().Equal(jobInputs.Select(i => i.Name));
        (await _client.GetAttemptInputAsync("attempted", "1", "prompts")).Value.Type.Should().Be("uri_folder");
        _client.GetAttemptInput("attempted", TrainingJobsClient.LatestAttempt, "seed").Value.AssetId.Should().BeNull();
        (await FluentActions.Awaiting(() => _client.GetAttemptInputAsync("attempted", "2", "seed")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task NodeServices_AreServedForEachNodeOfTheJob_AndNotFoundPastTheLast()
    {
        CommandJob job = EmulatorJobs.SftWithLora();
        job.Resources = new JobResourceConfiguration { InstanceCount = 2 };
        await _client.CreateAsync("two-nodes", job);
        (await _client.GetNodeServicesAsync("two-nodes", 0)).Value.Services.Should().BeEmpty(); // queued: nothing runs yet

        _clock.Advance(2 * s_step);
        TrainingJobServiceCollection leader = (await _client.GetNodeServicesAsync("two-nodes", 0)).Value;
        TrainingJobServiceCollection worker = _client.GetNodeServices("two-nodes", 1).Value;

        leader.Services.Keys.Should().BeEquivalentTo("studio", "tracking");
        worker.Services.Keys.Should().BeEquivalentTo("studio", "tracking");
        leader.Services["tracking"].Endpoint.Should().Be((await _client.GetServicesAsync("two-nodes", nodeId: 1)).Value.Services["tracking"].Endpoint);
        RequestFailedException past = (await FluentActions.Awaiting(() => _client.GetNodeServicesAsync("two-nodes", 2)).Should().ThrowAsync<RequestFailedException>()).Which;
        past.Status.Should().Be(404);
        past.Message.Should().Contain("Node 2 of training job 'two-nodes' was not found: the job runs on 2 node(s), numbered from 0.");
    }
}
