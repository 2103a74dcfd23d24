using System.Diagnostics;
using System.Reflection;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Telemetry;

/// <summary>
/// Every public operation of every client starts a span on the <c>Foundry.Training</c> activity source, named
/// <c>{Client}.{Operation}</c>, tagged with the job, id and status it is about, failed when the call fails, and parent
/// of Azure.Core's HTTP activities.
/// </summary>
public sealed class OperationSpanTests : IDisposable
{
    private const string JobJson = """{"name":"job-1","id":"/jobs/job-1","properties":{"job_type":"command","compute_id":"c","command":"run","environment_image_reference":"env","status":"Running"}}""";
    private const string FineTuningJobJson = """{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","created_at":1,"status":"running","training_file":"file-1"}""";

    private readonly MockService _service = new();
    private readonly string _tempDirectory = Directory.CreateTempSubdirectory("spans").FullName;

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_tempDirectory, recursive: true);
    }

    private TrainingJobsClient JobsClient()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        return new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential(), options);
    }

    private DatasetsClient DatasetsClient()
    {
        var options = new DatasetsClientOptions();
        options.Retry.MaxRetries = 0;
        return new DatasetsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential(), options);
    }

    private FineTuningClient FineTuningClient()
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        return new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), options);
    }

    private FineTuningClient OpenAIClient()
    {
        var options = new FineTuningClientOptions { OpenAIEndpoint = new Uri(_service.Endpoint, "v1") };
        options.Retry.MaxRetries = 0;
        return Foundry.Training.FineTuning.FineTuningClient.ForOpenAI("key", options);
    }

    private void RespondToEverythingWithNotFound() =>
        _service.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":{"code":"NotFound","message":"nothing here"}}"""));

    public static TheoryData<string> PublicOperations()
    {
        var data = new TheoryData<string>();
        foreach (MethodInfo method in OperationMethods())
        {
            data.Add(method.DeclaringType!.Name + "." + method.Name + "(" + string.Join(",", method.GetParameters().Select(p => p.ParameterType.Name)) + ")");
        }

        return data;
    }

    /// <summary>The public virtual operations of the four fine-tuning clients and the training jobs client (not the client getters).</summary>
    private static IEnumerable<MethodInfo> OperationMethods() =>
        OperationCalls.ClientTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.IsVirtual && !m.IsSpecialName && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)));

    [Theory]
    [MemberData(nameof(PublicOperations))]
    public async Task EveryOperation_RecordsAFailedSpanNamedAfterIt(string signature)
    {
        MethodInfo method = OperationMethods().Single(m => m.DeclaringType!.Name + "." + m.Name + "(" + string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name)) + ")" == signature);
        RespondToEverythingWithNotFound();
        // An operation whose table line names only the OpenAI platform (uploads, graders, checkpoint permissions, pause and
        // resume) is refused by an Azure OpenAI client before any request: call it on the platform.
        string tableName = method.DeclaringType!.Name + "." + method.Name.Replace("Async", string.Empty, StringComparison.Ordinal).Replace("IfExists", string.Empty, StringComparison.Ordinal);
        bool openAIOnly = FineTuningOperations.All.Any(o => o.Name == tableName && !o.IsIn(ServiceVersions.AzureOpenAI2024_05_01Preview));
        FineTuningClient fineTuning = openAIOnly ? OpenAIClient() : FineTuningClient();
        object client = method.DeclaringType!.Name switch
        {
            nameof(TrainingJobsClient) => JobsClient(),
            nameof(DatasetsClient) => DatasetsClient(),
            nameof(Foundry.Training.FineTuning.FineTuningClient) => fineTuning,
            nameof(FineTuningFilesClient) => fineTuning.GetFilesClient(),
            nameof(FineTuningCheckpointPermissionsClient) => fineTuning.GetCheckpointPermissionsClient(),
            nameof(FineTuningModelsClient) => fineTuning.GetModelsClient(),
            _ => fineTuning.GetIngestionJobsClient(),
        };

        using var recorder = new SpanRecorder();
        Func<Task> call = () => InvokeAsync(method, client);

        string operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
        if (operation.EndsWith("IfExists", StringComparison.Ordinal))
        {
            // An "if exists" read answers the 404 (no value) in the span of the read it is a variant of, which does not fail.
            await call.Should().NotThrowAsync();
            string readName = method.DeclaringType!.Name + "." + operation[..^"IfExists".Length];
            recorder.Spans.Should().ContainSingle(s => s.OperationName == readName).Which.Status.Should().NotBe(ActivityStatusCode.Error);
            return;
        }

        await call.Should().ThrowAsync<RequestFailedException>().Where(e => e.Status == 404);
        string expectedName = method.DeclaringType!.Name + "." + operation;
        Activity span = recorder.Spans.Should().Contain(s => s.OperationName == expectedName, "spans: {0}", string.Join(", ", recorder.Spans.Select(s => s.OperationName))).Which;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem(FoundryTrainingTelemetry.ErrorTypeTag).Should().Be(typeof(RequestFailedException).FullName);
        span.Source.Name.Should().Be("Foundry.Training");
    }

    [Fact]
    public async Task Get_TagsTheJobNameAndStatus_AndParentsTheHttpActivity()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/p/training_jobs/job-1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JobJson));
        TrainingJobsClient client = JobsClient();
        using var recorder = new SpanRecorder();

        await client.GetAsync("job-1");

        Activity span = recorder.Single("TrainingJobsClient.Get");
        span.Kind.Should().Be(ActivityKind.Internal);
        span.Status.Should().NotBe(ActivityStatusCode.Error);
        span.GetTagItem(FoundryTrainingTelemetry.JobNameTag).Should().Be("job-1");
        span.GetTagItem(FoundryTrainingTelemetry.StatusTag).Should().Be("Running");
        recorder.HttpActivities.Should().ContainSingle().Which.ParentSpanId.Should().Be(span.SpanId);
    }

    [Fact]
    public async Task Lists_RecordOneSpanPerPage()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/p/training_jobs").WithParam("after", "job-1"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"data":[],"has_more":false}"""));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/p/training_jobs"))
            .AtPriority(2)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"data":[{{JobJson}}],"first_id":"job-1","last_id":"job-1","has_more":true}"""));
        using var recorder = new SpanRecorder();

        List<TrainingJob> jobs = await JobsClient().GetJobsAsync().ToListAsync();

        jobs.Should().ContainSingle();
        recorder.Spans.Where(s => s.OperationName == "TrainingJobsClient.GetJobs").Should().HaveCount(2);
        recorder.HttpActivities.Should().HaveCount(2);
    }

    [Fact]
    public async Task FineTuningGetJob_TagsTheJobIdAndStatus()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs/ftjob-1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(FineTuningJobJson));
        using var recorder = new SpanRecorder();

        await FineTuningClient().GetJobAsync("ftjob-1");

        Activity span = recorder.Single("FineTuningClient.GetJob");
        span.GetTagItem(FoundryTrainingTelemetry.IdTag).Should().Be("ftjob-1");
        span.GetTagItem(FoundryTrainingTelemetry.StatusTag).Should().Be("running");
    }

    [Fact]
    public async Task NoListener_NoSpans_CallsStillWork()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs/ftjob-1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(FineTuningJobJson));

        (await FineTuningClient().GetJobAsync("ftjob-1")).Value.Status!.Value.ToString().Should().Be("running");
    }

    /// <summary>Calls an operation with placeholder arguments, awaiting tasks and reading the first page of lists.</summary>
    private Task InvokeAsync(MethodInfo method, object client) =>
        OperationCalls.InvokeAsync(method, client, parameter => OperationCalls.Argument(parameter, _tempDirectory, WaitUntil.Completed));
}
