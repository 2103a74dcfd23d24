using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Properties.Generators;

namespace Foundry.Training.Tests.Properties;

/// <summary>
/// Both clients receiving random and damaged response bodies: a success status with a body that is not what the
/// operation promises is a <see cref="RequestFailedException"/> with error code <c>InvalidResponseBody</c> (the
/// <see cref="JsonException"/> inside), an error status with any body at all is a <see cref="RequestFailedException"/>
/// with that status, and a valid body always succeeds. Nothing else ever comes out of a client.
/// </summary>
public sealed class ResponseBodyProperties : IDisposable
{
    private readonly StubHandler _handler = new();
    private readonly HttpClient _http;
    private readonly TrainingJobsClient _jobs;
    private readonly FineTuningClient _fineTuning;

    public ResponseBodyProperties()
    {
        _http = new HttpClient(_handler);
        var jobsOptions = new TrainingJobsClientOptions { Transport = new HttpClientTransport(_http), ValidateRequests = false };
        jobsOptions.Retry.MaxRetries = 0;
        _jobs = new TrainingJobsClient(new Uri("http://127.0.0.1/api/projects/p"), new StaticTokenCredential(), jobsOptions);
        var fineTuningOptions = new FineTuningClientOptions { Transport = new HttpClientTransport(_http), ValidateRequests = false };
        fineTuningOptions.Retry.MaxRetries = 0;
        _fineTuning = new FineTuningClient(new Uri("http://127.0.0.1"), new AzureKeyCredential("key"), fineTuningOptions);
    }

    public void Dispose() => _http.Dispose();

    internal enum Envelope
    {
        None,
        FoundryPage,
        OpenAIPage,
        NextLinkPage,
    }

    /// <summary>A client operation, the model its response carries, and how that model is wrapped.</summary>
    internal sealed record Call(string Name, Type Model, Envelope Envelope, Action<ResponseBodyProperties, bool> Invoke)
    {
        public override string ToString() => Name;
    }

    private static void Run(bool async, Func<Task> asyncCall, Action syncCall)
    {
        if (async)
        {
            asyncCall().GetAwaiter().GetResult(); // the stub answers synchronously
        }
        else
        {
            syncCall();
        }
    }

    private static void FirstPage<T>(bool async, AsyncPageable<T> asyncPages, Pageable<T> syncPages)
        where T : notnull =>
        Run(async, async () => { await foreach (Page<T> page in asyncPages.AsPages()) { break; } }, () => syncPages.AsPages().First());

    /// <summary>Every call under test; <c>OperationTableTests</c> checks that every operation of the tables with a JSON body is here.</summary>
    internal static readonly Call[] s_calls =
    {
        new("TrainingJobsClient.Get", typeof(TrainingJob), Envelope.None, (t, a) => Run(a, () => t._jobs.GetAsync("j"), () => t._jobs.Get("j"))),
        new("TrainingJobsClient.Create", typeof(TrainingJob), Envelope.None, (t, a) => Run(a, () => t._jobs.CreateAsync("j", new CommandJob("compute")), () => t._jobs.Create("j", new CommandJob("compute")))),
        new("TrainingJobsClient.GetJobs", typeof(TrainingJob), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetJobsAsync(), t._jobs.GetJobs())),
        new("TrainingJobsClient.GetAttempt", typeof(JobAttempt), Envelope.None, (t, a) => Run(a, () => t._jobs.GetAttemptAsync("j", "a"), () => t._jobs.GetAttempt("j", "a"))),
        new("TrainingJobsClient.GetAttempts", typeof(JobAttempt), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetAttemptsAsync("j"), t._jobs.GetAttempts("j"))),
        new("TrainingJobsClient.GetArtifacts", typeof(JobArtifact), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetArtifactsAsync("j", "a"), t._jobs.GetArtifacts("j", "a"))),
        new("TrainingJobsClient.GetArtifactContentInfo", typeof(JobArtifactContentInfo), Envelope.None, (t, a) => Run(a, () => t._jobs.GetArtifactContentInfoAsync("j", "a", "p"), () => t._jobs.GetArtifactContentInfo("j", "a", "p"))),
        new("TrainingJobsClient.GetMetricPoints", typeof(JobMetricPoint), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetMetricPointsAsync("j", "a", "loss"), t._jobs.GetMetricPoints("j", "a", "loss"))),
        new("TrainingJobsClient.GetMetricSamples", typeof(JobMetricSample), Envelope.None, (t, a) => Run(a, () => t._jobs.GetMetricSamplesAsync("j", "a", "loss"), () => t._jobs.GetMetricSamples("j", "a", "loss"))),
        new("TrainingJobsClient.GetOutputs", typeof(JobOutputReference), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetOutputsAsync("j"), t._jobs.GetOutputs("j"))),
        new("TrainingJobsClient.GetOutput", typeof(JobOutputReference), Envelope.None, (t, a) => Run(a, () => t._jobs.GetOutputAsync("j", "o"), () => t._jobs.GetOutput("j", "o"))),
        new("TrainingJobsClient.GetInputs", typeof(JobExecutionAssetReference), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetInputsAsync("j"), t._jobs.GetInputs("j"))),
        new("TrainingJobsClient.GetAttemptInputs", typeof(JobExecutionAssetReference), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetAttemptInputsAsync("j", "a"), t._jobs.GetAttemptInputs("j", "a"))),
        new("TrainingJobsClient.GetAttemptInput", typeof(JobExecutionAssetReference), Envelope.None, (t, a) => Run(a, () => t._jobs.GetAttemptInputAsync("j", "a", "i"), () => t._jobs.GetAttemptInput("j", "a", "i"))),
        new("TrainingJobsClient.GetNodeServices", typeof(TrainingJobServiceCollection), Envelope.None, (t, a) => Run(a, () => t._jobs.GetNodeServicesAsync("j", 1), () => t._jobs.GetNodeServices("j", 1))),
        new("TrainingJobsClient.GetServices", typeof(TrainingJobServiceCollection), Envelope.None, (t, a) => Run(a, () => t._jobs.GetServicesAsync("j"), () => t._jobs.GetServices("j"))),
        new("TrainingJobsClient.GetOperationStatus", typeof(JobOperationResource), Envelope.None, (t, a) => Run(a, () => t._jobs.GetOperationStatusAsync("op"), () => t._jobs.GetOperationStatus("op"))),
        new("TrainingJobsClient.Cancel", typeof(JobOperationResource), Envelope.None, (t, a) => Run(a, () => t._jobs.CancelAsync(WaitUntil.Started, "j"), () => t._jobs.Cancel(WaitUntil.Started, "j"))),
        new("TrainingJobsClient.Delete", typeof(JobOperationResource), Envelope.None, (t, a) => Run(a, () => t._jobs.DeleteAsync(WaitUntil.Started, "j"), () => t._jobs.Delete(WaitUntil.Started, "j"))),
        new("TrainingJobsClient.GetOperationResult", typeof(JobOperationResource), Envelope.None, (t, a) => Run(a, () => t._jobs.GetOperationResultAsync("op"), () => t._jobs.GetOperationResult("op"))),
        new("TrainingJobsClient.GetInput", typeof(JobExecutionAssetReference), Envelope.None, (t, a) => Run(a, () => t._jobs.GetInputAsync("j", "i"), () => t._jobs.GetInput("j", "i"))),
        new("TrainingJobsClient.GetAttemptOutputs", typeof(JobOutputReference), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetAttemptOutputsAsync("j", "a"), t._jobs.GetAttemptOutputs("j", "a"))),
        new("TrainingJobsClient.GetAttemptOutput", typeof(JobOutputReference), Envelope.None, (t, a) => Run(a, () => t._jobs.GetAttemptOutputAsync("j", "a", "o"), () => t._jobs.GetAttemptOutput("j", "a", "o"))),
        new("TrainingJobsClient.GetArtifactMetadata", typeof(JobArtifact), Envelope.None, (t, a) => Run(a, () => t._jobs.GetArtifactMetadataAsync("j", "a", "p"), () => t._jobs.GetArtifactMetadata("j", "a", "p"))),
        new("TrainingJobsClient.GetArtifactContentInfos", typeof(JobArtifactContentInfo), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetArtifactContentInfosAsync("j", "a"), t._jobs.GetArtifactContentInfos("j", "a"))),
        new("TrainingJobsClient.GetMetrics", typeof(JobMetric), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetMetricsAsync("j", "a"), t._jobs.GetMetrics("j", "a"))),
        new("TrainingJobsClient.GetMetricLastValues", typeof(JobMetricLastValue), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetMetricLastValuesAsync("j", "a"), t._jobs.GetMetricLastValues("j", "a"))),
        new("TrainingJobsClient.GetMetricAggregates", typeof(JobMetricAggregate), Envelope.FoundryPage, (t, a) => FirstPage(a, t._jobs.GetMetricAggregatesAsync("j", "a", "loss"), t._jobs.GetMetricAggregates("j", "a", "loss"))),
        new("TrainingJobsClient.GetMetricSample", typeof(JobMetricSample), Envelope.None, (t, a) => Run(a, () => t._jobs.GetMetricSampleAsync("j", "a", "loss"), () => t._jobs.GetMetricSample("j", "a", "loss"))),
        new("FineTuningClient.PauseJob", typeof(FineTuningJob), Envelope.None, (t, a) => Run(a, () => t._fineTuning.PauseJobAsync("ft"), () => t._fineTuning.PauseJob("ft"))),
        new("FineTuningClient.ResumeJob", typeof(FineTuningJob), Envelope.None, (t, a) => Run(a, () => t._fineTuning.ResumeJobAsync("ft"), () => t._fineTuning.ResumeJob("ft"))),
        new("FineTuningFilesClient.Upload", typeof(FineTuningFile), Envelope.None, (t, a) =>
            Run(a, () => t._fineTuning.GetFilesClient().UploadAsync(new MemoryStream(new byte[] { 1 }), "f.jsonl", FilePurpose.FineTune), () => t._fineTuning.GetFilesClient().Upload(new MemoryStream(new byte[] { 1 }), "f.jsonl", FilePurpose.FineTune))),
        new("FineTuningFilesClient.Import", typeof(FineTuningFile), Envelope.None, (t, a) =>
            Run(a, () => t._fineTuning.GetFilesClient().ImportAsync(new FineTuningFileImport(new Uri("https://example.com/f.jsonl"), "f.jsonl", FilePurpose.FineTune)), () => t._fineTuning.GetFilesClient().Import(new FineTuningFileImport(new Uri("https://example.com/f.jsonl"), "f.jsonl", FilePurpose.FineTune)))),
        new("FineTuningModelsClient.GetModels", typeof(FineTuningModel), Envelope.OpenAIPage, (t, a) => FirstPage(a, t._fineTuning.GetModelsClient().GetModelsAsync(), t._fineTuning.GetModelsClient().GetModels())),
        new("IngestionJobsClient.CreateJob", typeof(IngestionJob), Envelope.None, (t, a) =>
            Run(a, () => t._fineTuning.GetIngestionJobsClient().CreateJobAsync("i", new SystemComputeIngestionJob()), () => t._fineTuning.GetIngestionJobsClient().CreateJob("i", new SystemComputeIngestionJob()))),
        new("IngestionJobsClient.GetRuns", typeof(IngestionJobRun), Envelope.NextLinkPage, (t, a) => FirstPage(a, t._fineTuning.GetIngestionJobsClient().GetRunsAsync("i"), t._fineTuning.GetIngestionJobsClient().GetRuns("i"))),
        new("FineTuningClient.GetJob", typeof(FineTuningJob), Envelope.None, (t, a) => Run(a, () => t._fineTuning.GetJobAsync("ft"), () => t._fineTuning.GetJob("ft"))),
        new("FineTuningClient.CreateJob", typeof(FineTuningJob), Envelope.None, (t, a) =>
            Run(a, () => t._fineTuning.CreateJobAsync(new FineTuningJobCreateOptions("m", "f")), () => t._fineTuning.CreateJob(new FineTuningJobCreateOptions("m", "f")))),
        new("FineTuningClient.CancelJob", typeof(FineTuningJob), Envelope.None, (t, a) => Run(a, () => t._fineTuning.CancelJobAsync("ft"), () => t._fineTuning.CancelJob("ft"))),
        new("FineTuningClient.GetJobs", typeof(FineTuningJob), Envelope.OpenAIPage, (t, a) => FirstPage(a, t._fineTuning.GetJobsAsync(), t._fineTuning.GetJobs())),
        new("FineTuningClient.GetJobEvents", typeof(FineTuningJobEvent), Envelope.OpenAIPage, (t, a) => FirstPage(a, t._fineTuning.GetJobEventsAsync("ft"), t._fineTuning.GetJobEvents("ft"))),
        new("FineTuningClient.GetJobCheckpoints", typeof(FineTuningJobCheckpoint), Envelope.OpenAIPage, (t, a) => FirstPage(a, t._fineTuning.GetJobCheckpointsAsync("ft"), t._fineTuning.GetJobCheckpoints("ft"))),
        new("FineTuningFilesClient.Get", typeof(FineTuningFile), Envelope.None, (t, a) => Run(a, () => t._fineTuning.GetFilesClient().GetAsync("file"), () => t._fineTuning.GetFilesClient().Get("file"))),
        new("FineTuningFilesClient.GetFiles", typeof(FineTuningFile), Envelope.OpenAIPage, (t, a) => FirstPage(a, t._fineTuning.GetFilesClient().GetFilesAsync(), t._fineTuning.GetFilesClient().GetFiles())),
        new("FineTuningModelsClient.GetModel", typeof(FineTuningModel), Envelope.None, (t, a) => Run(a, () => t._fineTuning.GetModelsClient().GetModelAsync("m"), () => t._fineTuning.GetModelsClient().GetModel("m"))),
        new("IngestionJobsClient.GetJob", typeof(IngestionJob), Envelope.None, (t, a) => Run(a, () => t._fineTuning.GetIngestionJobsClient().GetJobAsync("i"), () => t._fineTuning.GetIngestionJobsClient().GetJob("i"))),
        new("IngestionJobsClient.GetJobs", typeof(IngestionJob), Envelope.NextLinkPage, (t, a) => FirstPage(a, t._fineTuning.GetIngestionJobsClient().GetJobsAsync(), t._fineTuning.GetIngestionJobsClient().GetJobs())),
        new("IngestionJobsClient.GetRun", typeof(IngestionJobRun), Envelope.None, (t, a) => Run(a, () => t._fineTuning.GetIngestionJobsClient().GetRunAsync("i", "r"), () => t._fineTuning.GetIngestionJobsClient().GetRun("i", "r"))),
    };

    /// <summary>A response body for a call: valid, or damaged by one of the mutations.</summary>
    private sealed record Exchange(Call Call, bool Async, bool Valid, string Mutation, byte[] Body)
    {
        public override string ToString() => $"{Call.Name} ({(Async ? "async" : "sync")}) / {Mutation}: {Encoding.UTF8.GetString(Body)}";
    }

    private static Gen<JsonNode> ValidBody(Call call)
    {
        if (call.Envelope == Envelope.None)
        {
            return ModelJson.NodeFor(call.Model);
        }

        return Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(ModelJson.NodeFor(call.Model), n)).Select(items =>
        {
            var list = new JsonArray(items.ToArray<JsonNode?>());
            return (JsonNode)(call.Envelope switch
            {
                Envelope.FoundryPage => new JsonObject { ["data"] = list, ["first_id"] = "a", ["last_id"] = "z", ["has_more"] = false },
                Envelope.OpenAIPage => new JsonObject { ["object"] = "list", ["data"] = list, ["has_more"] = false },
                _ => new JsonObject { ["value"] = list },
            });
        });
    }

    private static Arbitrary<Exchange> Exchanges { get; } = Gen.Zip(Gen.Elements(s_calls), Gen.Elements(true, false))
        .SelectMany(p => ValidBody(p.Item1).SelectMany(body => Gen.Frequency(
            (1, Gen.Constant(new Exchange(p.Item1, p.Item2, true, "valid", Encoding.UTF8.GetBytes(body.ToJsonString())))),
            (4, JsonMutation.Mutate(body).Select(m => new Exchange(p.Item1, p.Item2, false, m.Name, m.Bytes))))))
        .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property SuccessStatusWithAnyBody_SucceedsOrFailsAsInvalidResponseBody() => Prop.ForAll(Exchanges, exchange =>
    {
        _handler.Next = (200, exchange.Body, "application/json");
        try
        {
            exchange.Call.Invoke(this, exchange.Async);
        }
        catch (RequestFailedException ex) when (!exchange.Valid)
        {
            ex.Status.Should().Be(200);
            ex.ErrorCode.Should().Be("InvalidResponseBody");
            ex.InnerException.Should().BeAssignableTo<JsonException>();
            ex.Message.Should().StartWith("Service returned status 200 with a body that is not a valid ");
        }
    });

    private static readonly string[] s_errorBodies =
    {
        """{"error":{"code":"UserError","message":"Job 'x' was not found.","details":[{"code":"NotFound","message":"missing"}]}}""",
        """{"error":{"code":"invalidPayload","message":"The suffix is too long.","target":"suffix","innererror":{"code":"invalidSuffix"}}}""",
        """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":null}}""",
    };

    private static Arbitrary<(Exchange Exchange, int Status)> ErrorExchanges { get; } = Gen.Zip(Gen.Zip(Gen.Elements(s_calls), Gen.Elements(true, false)), Gen.Elements(s_errorBodies))
        .SelectMany(p => JsonMutation.Mutate(JsonNode.Parse(p.Item2)!).SelectMany(m => Gen.Elements(400, 401, 403, 404, 409, 429, 500, 502, 503, 504)
            .Select(status => (new Exchange(p.Item1.Item1, p.Item1.Item2, false, m.Name, m.Bytes), status))))
        .ToArbitrary();

    /// <summary>Error bodies damaged every way (the parser of the service's error must not fail in turn), for every status.</summary>
    [Property(MaxTest = 300)]
    public Property ErrorStatusWithAnyBody_IsARequestFailedExceptionWithThatStatus() => Prop.ForAll(ErrorExchanges, pair =>
    {
        _handler.Next = (pair.Status, pair.Exchange.Body, "application/json");
        Action call = () => pair.Exchange.Call.Invoke(this, pair.Exchange.Async);

        call.Should().Throw<RequestFailedException>().Which.Status.Should().Be(pair.Status);
    });
}
