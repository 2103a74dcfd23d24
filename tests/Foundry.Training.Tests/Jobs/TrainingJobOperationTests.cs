using Azure;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs;

public sealed class TrainingJobOperationTests : JobsTestBase
{
    private const string Operations = "/api/projects/proj/training_jobs/operations/";

    [Fact]
    public async Task Delete_202_PollsOperationLocationUntilSucceeded()
    {
        Load("delete_lro_succeeded.json");

        TrainingJobOperation operation = await Client.DeleteAsync(WaitUntil.Completed, "job-1");

        operation.HasCompleted.Should().BeTrue();
        operation.HasValue.Should().BeTrue();
        operation.Id.Should().Be("op-del-1");
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.Value.PercentComplete.Should().Be(100);
        var requests = Service.Requests;
        AssertFoundryRequest(requests[0], "DELETE", "/api/projects/proj/training_jobs/job-1");
        requests.Skip(1).Should().HaveCount(3).And.OnlyContain(r => r.RequestMessage.AbsolutePath == Operations + "op-del-1/status");
        requests.Skip(1).ToList().ForEach(r => AssertFoundryRequest(r, "GET", Operations + "op-del-1/status"));
    }

    [Fact]
    public void Delete_Started_ThenUpdateStatusStepByStep_Sync()
    {
        Load("delete_lro_succeeded.json");

        TrainingJobOperation operation = Client.Delete(WaitUntil.Started, "job-1");

        operation.HasCompleted.Should().BeFalse();
        operation.GetRawResponse().Status.Should().Be(202);
        ((Func<JobOperationResource>)(() => operation.Value)).Should().Throw<InvalidOperationException>();
        operation.UpdateStatus();
        operation.HasCompleted.Should().BeFalse();
        operation.UpdateStatus();
        operation.UpdateStatus();
        operation.HasCompleted.Should().BeTrue();
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.UpdateStatus().Status.Should().Be(200);
        Service.Requests.Should().HaveCount(4, "a completed operation does not poll again");
    }

    [Fact]
    public async Task Delete_Failed_ThrowsRequestFailedExceptionWithTheServiceError()
    {
        Load("delete_lro_failed.json");

        Func<Task> delete = async () => await Client.DeleteAsync(WaitUntil.Completed, "job-2");

        RequestFailedException ex = (await delete.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("JobInUse");
        ex.Message.Should().Contain("op-del-2").And.Contain("job-2").And.Contain("referenced by a deployment");
    }

    [Fact]
    public async Task Delete_Failed_Started_ValueThrowsAfterCompletion()
    {
        Load("delete_lro_failed.json");
        TrainingJobOperation operation = await Client.DeleteAsync(WaitUntil.Started, "job-2");

        await operation.UpdateStatusAsync();

        operation.HasCompleted.Should().BeTrue();
        operation.HasValue.Should().BeFalse();
        ((Func<JobOperationResource>)(() => operation.Value)).Should().Throw<RequestFailedException>().Which.ErrorCode.Should().Be("JobInUse");
    }

    [Fact]
    public async Task Delete_204_CompletesWithoutPolling()
    {
        Load("delete_nocontent.json");

        TrainingJobOperation operation = await Client.DeleteAsync(WaitUntil.Completed, "ghost");

        operation.HasCompleted.Should().BeTrue();
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.GetRawResponse().Status.Should().Be(204);
        AssertFoundryRequest(Service.SingleRequest, "DELETE", "/api/projects/proj/training_jobs/ghost");
    }

    [Fact]
    public async Task Cancel_200_CompletesAtOnce()
    {
        Load("cancel_ok.json");

        TrainingJobOperation operation = await Client.CancelAsync(WaitUntil.Completed, "job-3");

        operation.HasCompleted.Should().BeTrue();
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        var request = AssertFoundryRequest(Service.SingleRequest, "POST", "/api/projects/proj/training_jobs/job-3:cancel");
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Cancel_202_PollsLocationResultUntil200_Sync()
    {
        Load("cancel_lro_result.json");

        TrainingJobOperation operation = Client.Cancel(WaitUntil.Completed, "job-4");

        operation.Id.Should().Be("op-can-4");
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        Service.Requests.Select(r => r.RequestMessage.AbsolutePath).Should().Equal(
            "/api/projects/proj/training_jobs/job-4:cancel", Operations + "op-can-4/result", Operations + "op-can-4/result");
    }

    [Fact]
    public async Task RehydratedOperationPollsTheStatusRoute()
    {
        Load("operation_rehydrate.json");
        var operation = new TrainingJobOperation(Client, "op-old");

        ((Func<Response>)(() => operation.GetRawResponse())).Should().Throw<InvalidOperationException>();
        Response<JobOperationResource> result = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None);

        result.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.Id.Should().Be("op-old");
        AssertFoundryRequest(Service.SingleRequest, "GET", Operations + "op-old/status");
    }

    [Fact]
    public async Task RehydrationFromTheIdOfAStartedOperation()
    {
        Load("delete_lro_succeeded.json");
        TrainingJobOperation started = await Client.DeleteAsync(WaitUntil.Started, "job-1");

        var resumed = new TrainingJobOperation(Client, started.Id);
        await resumed.WaitForCompletionAsync();

        resumed.Value.Status.Should().Be(JobOperationStatus.Succeeded);
    }

    [Fact]
    public async Task WaitingIsCancellable()
    {
        Load("delete_lro_succeeded.json");
        TrainingJobOperation operation = await Client.DeleteAsync(WaitUntil.Started, "job-1");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Func<Task> wait = async () => await operation.WaitForCompletionAsync(cts.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        operation.HasCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task AcceptedWithoutPollingLocationIsAClearError()
    {
        Service.Server.Given(WireMock.RequestBuilders.Request.Create().UsingDelete()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));

        Func<Task> delete = async () => await Client.DeleteAsync(WaitUntil.Started, "job-9");

        RequestFailedException ex = (await delete.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("MissingPollingLocation");
        ex.Message.Should().EndWith(Environment.NewLine + "Status: 202 (Accepted)" + Environment.NewLine + "ErrorCode: MissingPollingLocation");
    }

    [Fact]
    public void InvalidArguments()
    {
        ((Action)(() => Client.Delete(WaitUntil.Completed, ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        ((Action)(() => _ = new TrainingJobOperation(Client, ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
        ((Action)(() => _ = new TrainingJobOperation(null!, "x"))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("client");
    }
}
