using System.Net;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Starting, addressing, configuring and stopping the emulator; its request log and fault planning.</summary>
public sealed class EmulatorBasicsTests
{
    [Fact]
    public async Task Start_ServesOnLoopbackAndAFreePort_UntilDisposed()
    {
        FoundryTrainingEmulator first = FoundryTrainingEmulator.Start();
        await using FoundryTrainingEmulator second = FoundryTrainingEmulator.Start();

        first.Endpoint.Scheme.Should().Be("http");
        first.Endpoint.Host.Should().Be("127.0.0.1");
        first.Endpoint.AbsolutePath.Should().Be("/api/projects/emulator");
        second.Endpoint.Port.Should().NotBe(first.Endpoint.Port);
        (await first.CreateTrainingJobsClient().GetJobsAsync().ToListAsync()).Should().BeEmpty();

        int served = first.Requests.Count;
        first.Dispose();
        first.Dispose();

        // A stopped emulator serves nothing more (the port may already belong to another server, so the request may even succeed).
        using var http = new HttpClient();
        try
        {
            await http.GetAsync(new Uri(first.Endpoint.AbsoluteUri + "/training_jobs"));
        }
        catch (HttpRequestException)
        {
        }

        first.Requests.Should().HaveCount(served);
        (await second.CreateTrainingJobsClient().GetJobsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public void Options_RejectValuesOutOfRange()
    {
        var options = new FoundryTrainingEmulatorOptions();
        options.StepInterval.Should().Be(TimeSpan.FromMilliseconds(250));
        options.TrainingSteps.Should().Be(10);
        options.BaseModels.Should().Contain("gpt-4o-mini-2024-07-18");

        options.Invoking(o => o.StepInterval = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
        options.Invoking(o => o.TrainingSteps = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.TrainingSteps = 10_001).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.MaxStoredFileBytes = -1).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Options_AreReadOnceAtStart()
    {
        var options = new FoundryTrainingEmulatorOptions();
        options.BaseModels.Clear();
        options.BaseModels.Add("my-base-model");
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(options);
        options.BaseModels.Add("added-later");

        List<FineTuningModel> models = await emulator.CreateAzureOpenAIClient().GetModelsClient().GetModelsAsync().ToListAsync();

        models.Select(m => m.Id).Should().Equal("my-base-model");
    }

    [Fact]
    public void Faults_RejectNonsense()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();

        emulator.Faults.Invoking(f => f.Fail(302)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("statusCode");
        emulator.Faults.Invoking(f => f.ServiceUnavailable(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        emulator.Faults.Invoking(f => f.TooManyRequests(1, TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("retryAfter");
        emulator.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task Faults_ApplyInTheOrderPlanned_InEachServicesShape()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        FineTuningClient azure = emulator.CreateAzureOpenAIClient(options);
        emulator.Faults.Fail(500, count: 1, service: EmulatedService.AzureOpenAI);
        emulator.Faults.Fail(404, count: 1);

        var internalError = await FluentActions.Awaiting(() => azure.GetJobsAsync().ToListAsync().AsTask()).Should().ThrowAsync<Azure.RequestFailedException>();
        internalError.Which.Status.Should().Be(500);
        internalError.Which.ErrorCode.Should().Be("internalFailure");
        var notFound = await FluentActions.Awaiting(() => azure.GetJobsAsync().ToListAsync().AsTask()).Should().ThrowAsync<Azure.RequestFailedException>();
        notFound.Which.Status.Should().Be(404);
        notFound.Which.ErrorCode.Should().Be("notFound");
        (await azure.GetJobsAsync().ToListAsync()).Should().BeEmpty();
        emulator.Requests.Select(r => r.Faulted).Should().Equal(true, true, false);
    }

    [Fact]
    public async Task UnknownPaths_Answer404_AndAreRecordedWithoutAService()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        using var http = new HttpClient();

        HttpResponseMessage response = await http.GetAsync(new Uri(emulator.Endpoint.AbsoluteUri + "/agents"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        EmulatorRequest request = emulator.Requests.Single();
        request.Service.Should().BeNull();
        request.Path.Should().Be("/agents");
        emulator.ClearRequests();
        emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task CreateOpenAIClient_PointsYourOptionsAtTheEmulator()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        var options = new FineTuningClientOptions { OpenAIOrganization = "org-mine" };

        FineTuningClient client = emulator.CreateOpenAIClient(options);
        await client.GetJobsAsync().ToListAsync();

        options.OpenAIEndpoint.Should().Be(emulator.Endpoint);
        EmulatorRequest request = emulator.Requests.Single();
        request.Service.Should().Be(EmulatedService.OpenAI);
        request.Headers["OpenAI-Organization"].Should().Be("org-mine");

        // Any OpenAI client works, as long as it points at the endpoint.
        FineTuningClient manual = FineTuningClient.ForOpenAI("sk-anything", new FineTuningClientOptions { OpenAIEndpoint = emulator.Endpoint });
        (await manual.GetModelsClient().GetModelsAsync().ToListAsync()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task ConcurrentRequests_AreServedConsistently()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        TrainingJobsClient client = emulator.CreateTrainingJobsClient();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.CreateAsync("parallel-" + i, EmulatorJobs.Command())));
        List<TrainingJob> jobs = await client.GetJobsAsync(new TrainingJobListOptions { Limit = 5 }).ToListAsync();

        jobs.Select(j => j.Name).Should().BeEquivalentTo(Enumerable.Range(0, 24).Select(i => "parallel-" + i));
        emulator.Requests.Count(r => r.Method == "POST").Should().Be(24);
    }
}
