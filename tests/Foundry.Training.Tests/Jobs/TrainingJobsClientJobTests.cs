using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs;

public sealed class TrainingJobsClientJobTests : JobsTestBase
{
    private static CommandJob GrpoMathJob()
    {
        var reward = new TrainingCompositeRewardConfiguration();
        reward.Rewards.Add(new TrainingWeightedRewardConfiguration(new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence)) { Weight = 0.7 });
        reward.Rewards.Add(new TrainingWeightedRewardConfiguration(new TrainingDeploymentRewardConfiguration("gpt-4o-judge") { Rubric = "Score correctness 0-1." }) { Weight = 0.3 });
        var dataset = new TrainingDatasetConfiguration("azureai://accounts/a/projects/p/data/train/versions/1")
        {
            Eval = "azureai://accounts/a/projects/p/data/eval/versions/1",
            Columns = new TrainingColumnMapping { Prompt = "prompt", Reference = "reference" },
            DataFormat = new TrainingDataFormatConfiguration { ChatTemplate = ChatTemplate.ChatML },
        };
        var recipe = new GrpoTrainingConfiguration("azureai://registries/azureml/models/qwen-base/versions/1", dataset, reward)
        {
            Framework = TrainingFramework.Trl,
            Lora = new TrainingLoraConfiguration(16) { Alpha = 32 },
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm) { NumGenerations = 8, TensorParallelSize = 2, GpuMemoryUtilization = 0.9 },
            Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Gsm8k, EveryNSteps = 100 },
        };
        recipe.LearningRate = 0.0001;
        recipe.NumTrainEpochs = 3;
        recipe.PerDeviceTrainBatchSize = 2;
        var job = new CommandJob("/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/gpu")
        {
            DisplayName = "GRPO math",
            Training = recipe,
        };
        job.Outputs["model"] = new JobOutput(AssetTypes.SafetensorsModel) { AssetName = "qwen-math", AssetVersion = "1" };
        job.Tags["team"] = "math";
        return job;
    }

    [Fact]
    public async Task Create_PostsNameAndPropertiesWithAnIdempotencyKey()
    {
        Load("job_create.json");

        TrainingJob job = (await Client.CreateAsync("grpo-math-1", GrpoMathJob())).Value;

        var request = AssertFoundryRequest(Service.SingleRequest, "POST", "/api/projects/proj/training_jobs");
        Guid.TryParse(request.Headers!["Operation-Id"].Single(), out _).Should().BeTrue();
        request.Headers["Content-Type"].Single().Should().StartWith("application/json");
        var expected = new JsonObject
        {
            ["name"] = "grpo-math-1",
            ["properties"] = JsonNode.Parse(File.ReadAllText(Recordings.PathOf("Jobs/Requests/job_create_properties.json"))),
        };
        JsonAssert.Equivalent(expected.ToJsonString(), request.Body!);

        job.Name.Should().Be("grpo-math-1");
        job.SystemData!.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        var command = job.Properties.Should().BeOfType<CommandJob>().Subject;
        command.Status.Should().Be("NotStarted");
        var grpo = command.Training.Should().BeOfType<GrpoTrainingConfiguration>().Subject;
        grpo.ResolvedFramework.Should().Be(TrainingFramework.Trl);
        grpo.FrameworkVersion.Should().Be("0.21.0");
        grpo.Reward.Should().BeOfType<TrainingCompositeRewardConfiguration>().Which.Rewards.Should().HaveCount(2);
    }

    [Fact]
    public void Create_Sync_SendsANewOperationIdPerCall()
    {
        Load("job_create.json");

        Client.Create("grpo-math-1", GrpoMathJob());
        Client.Create("grpo-math-1", GrpoMathJob());

        Service.Requests.Select(r => r.RequestMessage.Headers!["Operation-Id"].Single()).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task Get_ParsesTheJob()
    {
        Load("job_get.json");

        Response<TrainingJob> response = await Client.GetAsync("grpo-math-1");

        AssertFoundryRequest(Service.SingleRequest, "GET", "/api/projects/proj/training_jobs/grpo-math-1");
        response.GetRawResponse().Status.Should().Be(200);
        response.Value.Type.Should().Be("Microsoft.MachineLearningServices/workspaces/training_jobs");
        ((CommandJob)response.Value.Properties).Tags["team"]!.GetValue<string>().Should().Be("math");
    }

    [Fact]
    public async Task GetJobs_SendsEveryFilterAndPagesThroughAnUnknownAlgorithm()
    {
        Load("jobs_list.json");
        var options = new TrainingJobListOptions
        {
            JobType = JobType.Command,
            Tag = "team=math",
            ListViewType = ListViewType.ActiveOnly,
            Properties = "stage=prod",
            Limit = 2,
            Order = ListSortOrder.Descending,
        };

        var jobs = new List<TrainingJob>();
        await foreach (TrainingJob job in Client.GetJobsAsync(options))
        {
            jobs.Add(job);
        }

        jobs.Select(j => j.Name).Should().Equal("j1", "j2", "j3");
        var unknown = ((CommandJob)jobs[1].Properties).Training.Should().BeOfType<UnknownTrainingConfiguration>().Subject;
        unknown.Algorithm.ToString().Should().Be("future_algo_x");
        var requests = Service.Requests;
        AssertFoundryRequest(requests[0], "GET", "/api/projects/proj/training_jobs");
        var filters = new Dictionary<string, string> { ["job_type"] = "command", ["tag"] = "team=math", ["list_view_type"] = "active_only", ["properties"] = "stage=prod", ["limit"] = "2", ["order"] = "desc" };
        QueryOf(requests[0]).Should().Equal(filters);
        QueryOf(requests[1]).Should().Equal(new Dictionary<string, string>(filters) { ["after"] = "j2" });
    }

    [Fact]
    public void GetJobs_Sync_ResumesFromAContinuationToken()
    {
        Load("jobs_list.json");

        var page = Client.GetJobs().AsPages("j2").Single();

        page.Values.Single().Name.Should().Be("j3");
        QueryOf(Service.SingleRequest).Should().Equal(new Dictionary<string, string> { ["after"] = "j2" });
    }

    [Fact]
    public async Task WaitForCompletion_PollsUntilATerminalStatus()
    {
        Load("job_wait.json");

        TrainingJob job = (await Client.WaitForCompletionAsync("job-w", TimeSpan.FromMilliseconds(1))).Value;

        ((CommandJob)job.Properties).Status.Should().Be("Completed");
        Service.Requests.Should().HaveCount(4).And.OnlyContain(r => r.RequestMessage.AbsolutePath == "/api/projects/proj/training_jobs/job-w");
    }

    [Fact]
    public void WaitForCompletion_Sync()
    {
        Load("job_wait.json");

        Client.WaitForCompletion("job-w", TimeSpan.FromMilliseconds(1)).Value.Name.Should().Be("job-w");
    }

    [Fact]
    public async Task WatchAsync_YieldsStatusChangesAndNewMetricPointsOnceAndEnds()
    {
        Load("job_wait.json");

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in Client.WatchAsync("job-w", TimeSpan.FromMilliseconds(1), guard.Token))
        {
            updates.Add(update);
        }

        updates.Select(u => u.Kind == TrainingJobUpdateKind.StatusChanged ? "status:" + u.Status : $"{u.MetricName}@{u.Point!.Step}")
            .Should().Equal("status:Queued", "status:Running", "train/loss@1", "train/loss@2", "train/loss@3", "train/loss@4", "status:Completed");
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint).Should().OnlyContain(u => u.AttemptId == "1");
        updates[2].Point!.Data!["value"]!.GetValue<double>().Should().Be(3.0);
    }

    [Fact]
    public async Task WatchAsync_IsCancellable()
    {
        Load("job_wait.json");
        using var cts = new CancellationTokenSource();

        Func<Task> watch = async () =>
        {
            await foreach (TrainingJobUpdate update in Client.WatchAsync("job-w", TimeSpan.FromMinutes(10), cts.Token))
            {
                cts.Cancel();
            }
        };

        await watch.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Create_ValidatesBeforeSendingAndListsEveryProblem()
    {
        var job = new CommandJob("") { Command = "python train.py", Training = new SftTrainingConfiguration("m", new TrainingDatasetConfiguration("t")) };

        Func<Task> create = async () => await Client.CreateAsync("bad", job);

        ArgumentException ex = (await create.Should().ThrowAsync<ArgumentException>()).Which;
        ex.ParamName.Should().Be("properties");
        ex.Message.Should().Contain("$.compute_id").And.Contain("$.command");
        Service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_ValidationCanBeTurnedOff()
    {
        Load("job_create.json");
        var options = new TrainingJobsClientOptions { ValidateRequests = false };
        options.Retry.MaxRetries = 0;
        var client = new TrainingJobsClient(new Uri(Service.Endpoint, "api/projects/proj"), Credential, options);

        await client.CreateAsync("grpo-math-1", new CommandJob(""));

        JsonAssert.Equivalent("""{"name":"grpo-math-1","properties":{"job_type":"command","compute_id":""}}""", Service.SingleRequest.RequestMessage.Body!);
    }

    [Fact]
    public void InvalidArgumentsFailFast()
    {
        ((Action)(() => Client.Create("", GrpoMathJob()))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        ((Action)(() => Client.Create("x", null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("properties");
        ((Action)(() => Client.GetJobs(new TrainingJobListOptions { Limit = 0 }))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => Client.WatchAsync("x", TimeSpan.Zero))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pollingInterval");
        ((Action)(() => Client.WatchAsync(""))).Should().Throw<ArgumentException>();
        Service.Requests.Should().BeEmpty();
    }
}
