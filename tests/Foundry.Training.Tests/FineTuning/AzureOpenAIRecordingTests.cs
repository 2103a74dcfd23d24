using System.Text.Json;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>
/// Every Azure OpenAI 2024-05-01-preview example (except ingestion jobs) replayed from its WireMock mapping file
/// under Recordings/FineTuning: the mapping matches the exact request, the test checks the parsed response.
/// </summary>
public sealed class AzureOpenAIRecordingTests : IDisposable
{
    private const string ApiKey = "{api key}";
    private const string JobId = "ft-72a2792ef7d24ba7b82c7fe4a37e379f";
    private const string FileId = "file-181a1cbdcdcf4677ada87f63a0928099";

    private readonly MockService _service = new();
    private readonly FineTuningClient _client;

    public AzureOpenAIRecordingTests()
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        _client = new FineTuningClient(_service.Endpoint, new AzureKeyCredential(ApiKey), options);
    }

    public void Dispose() => _service.Dispose();

    public static TheoryData<string> Examples => new()
    {
        "cancel_finetuning_job", "delete_file", "delete_finetuning_job", "get_file", "get_file_content", "get_files",
        "get_finetuning_job", "get_finetuning_job_checkpoints", "get_finetuning_job_events", "get_finetuning_jobs",
        "get_model_base", "get_model_finetune", "get_models", "import_file", "post_finetuning_job", "upload_file",
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleHasARecording(string example)
    {
        string path = RecordingPath(example);
        File.Exists(path).Should().BeTrue();
        using JsonDocument mapping = JsonDocument.Parse(File.ReadAllText(path));
        mapping.RootElement.GetProperty("Title").GetString().Should().StartWith(example + " (azure-openai-2024-05-01-preview/examples/");
        Directory.GetFiles(Path.GetDirectoryName(path)!, "*.json").Should().HaveCount(Examples.Count);
    }

    [Fact]
    public async Task post_finetuning_job()
    {
        JsonElement expected = Load("post_finetuning_job");

        Response<FineTuningJob> response = await _client.CreateJobAsync(new FineTuningJobCreateOptions("curie", FileId));

        AssertRequest("POST", "/openai/fine_tuning/jobs");
        JsonAssert.Equivalent("""{"model":"curie","training_file":"file-181a1cbdcdcf4677ada87f63a0928099"}""", _service.SingleRequest.RequestMessage.Body!);
        response.GetRawResponse().Status.Should().Be(201);
        response.GetRawResponse().Headers.TryGetValue("Location", out string? location).Should().BeTrue();
        location.Should().EndWith("/openai/fine_tuning/jobs/" + JobId);
        FineTuningJob job = response.Value;
        job.Id.Should().Be(JobId);
        job.Status.Should().Be(FineTuningState.Pending);
        job.Model.Should().Be("curie");
        job.TrainingFile.Should().Be(FileId);
        job.Hyperparameters!.EpochCount!.Value.Number.Should().Be(-1);
        job.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1646126127));
        job.Object.Should().Be(TypeDiscriminator.FineTuningJob);
        AssertLossless(expected, job);
    }

    [Fact]
    public void get_finetuning_job()
    {
        JsonElement expected = Load("get_finetuning_job");

        FineTuningJob job = _client.GetJob(JobId).Value;

        AssertRequest("GET", "/openai/fine_tuning/jobs/" + JobId);
        job.Status.Should().Be(FineTuningState.Succeeded);
        job.FineTunedModel.Should().Be("curie." + JobId);
        job.ResultFiles.Should().Equal(FileId);
        job.FinishedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1646127311));
        job.TrainedTokens.Should().Be(2342);
        AssertLossless(expected, job);
    }

    [Fact]
    public async Task get_finetuning_jobs()
    {
        JsonElement expected = Load("get_finetuning_jobs");

        var pages = new List<Page<FineTuningJob>>();
        await foreach (Page<FineTuningJob> page in _client.GetJobsAsync().AsPages())
        {
            pages.Add(page);
        }

        AssertRequest("GET", "/openai/fine_tuning/jobs");
        _service.SingleRequest.RequestMessage.Query!.Keys.Should().Equal("api-version");
        Page<FineTuningJob> only = pages.Should().ContainSingle().Subject;
        only.ContinuationToken.Should().BeNull();
        FineTuningJob job = only.Values.Should().ContainSingle().Subject;
        job.Id.Should().Be(JobId);
        job.Status.Should().Be(FineTuningState.Succeeded);
        AssertLossless(expected.GetProperty("BodyAsJson").GetProperty("data")[0], job);
    }

    [Fact]
    public async Task cancel_finetuning_job()
    {
        JsonElement expected = Load("cancel_finetuning_job");

        FineTuningJob job = (await _client.CancelJobAsync(JobId)).Value;

        AssertRequest("POST", "/openai/fine_tuning/jobs/" + JobId + "/cancel");
        job.Status.Should().Be(FineTuningState.Cancelled);
        job.Status.Should().NotBe(FineTuningState.Canceled);
        job.Status!.Value.IsTerminal.Should().BeTrue();
        AssertLossless(expected, job);
    }

    [Fact]
    public async Task delete_finetuning_job()
    {
        Load("delete_finetuning_job");

        Response response = await _client.DeleteJobAsync(JobId);

        AssertRequest("DELETE", "/openai/fine_tuning/jobs/" + JobId);
        response.Status.Should().Be(204);
    }

    [Fact]
    public async Task get_finetuning_job_events()
    {
        JsonElement expected = Load("get_finetuning_job_events");

        var events = new List<FineTuningJobEvent>();
        await foreach (FineTuningJobEvent e in _client.GetJobEventsAsync(JobId))
        {
            events.Add(e);
        }

        AssertRequest("GET", "/openai/fine_tuning/jobs/" + JobId + "/events");
        events.Select(e => e.Message).Should().Equal("Job enqueued. Waiting for jobs ahead to complete.", "Job started.", "Job succeeded.");
        events.Should().OnlyContain(e => e.Level == LogLevel.Info && e.Type == FineTuningJobEventType.Message && e.Object == TypeDiscriminator.FineTuningJobEvent);
        events[1].Id.Should().Be("ftevent-8c2a44999790437cb3230e543fa2cf0f");
        events[1].CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1646126169));
        JsonElement data = expected.GetProperty("BodyAsJson").GetProperty("data");
        for (int i = 0; i < events.Count; i++)
        {
            AssertLossless(data[i], events[i]);
        }
    }

    [Fact]
    public void get_finetuning_job_checkpoints()
    {
        const string jobId = "ftjob-72a2792ef7d24ba7b82c7fe4a37e379f";
        JsonElement expected = Load("get_finetuning_job_checkpoints");

        List<FineTuningJobCheckpoint> checkpoints = _client.GetJobCheckpoints(jobId).ToList();

        AssertRequest("GET", "/openai/fine_tuning/jobs/" + jobId + "/checkpoints");
        checkpoints.Select(c => c.StepNumber).Should().Equal(10, 20, 30);
        FineTuningJobCheckpoint first = checkpoints[0];
        first.Id.Should().Be("ftckpt_qtZ5Gyk4BLq1SfLFWp3RtO3P");
        first.FineTunedModelCheckpoint.Should().Be("gpt-35-turbo-0613.ft-72a2792ef7d24ba7b82c7fe4a37e379f:ckpt-step-10");
        first.FineTuningJobId.Should().Be(jobId);
        first.Metrics.Should().Contain("train_loss", 0.478).And.Contain("full_valid_mean_token_accuracy", 0.944).And.HaveCount(7);
        JsonElement data = expected.GetProperty("BodyAsJson").GetProperty("data");
        for (int i = 0; i < checkpoints.Count; i++)
        {
            AssertLossless(data[i], checkpoints[i]);
        }
    }

    [Fact]
    public async Task upload_file()
    {
        JsonElement expected = Load("upload_file");
        using var content = new MemoryStream("raw file content"u8.ToArray());
        var progress = new List<long>();

        Response<FineTuningFile> response = await _client.GetFilesClient().UploadAsync(content, "puppy.jsonl", FilePurpose.FineTune, new SyncProgress(progress));

        ILogEntry entry = AssertRequest("POST", "/openai/files");
        string contentType = entry.RequestMessage.Headers!["Content-Type"].Single();
        contentType.Should().StartWith("multipart/form-data; boundary=");
        string boundary = contentType.Substring("multipart/form-data; boundary=".Length);
        entry.RequestMessage.Headers["Content-Length"].Single().Should().Be(entry.RequestMessage.BodyAsBytes!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        System.Text.Encoding.UTF8.GetString(entry.RequestMessage.BodyAsBytes).Should().Be(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"puppy.jsonl\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
            $"raw file content\r\n--{boundary}--\r\n");
        progress.Should().Equal(16);
        response.GetRawResponse().Status.Should().Be(201);
        FineTuningFile file = response.Value;
        file.Id.Should().Be(FileId);
        file.Status.Should().Be(FileState.Pending);
        file.Purpose.Should().Be(FilePurpose.FineTune);
        file.FileName.Should().Be("puppy.jsonl");
        AssertLossless(expected, file);
    }

    [Fact]
    public async Task import_file()
    {
        JsonElement expected = Load("import_file");

        FineTuningFile file = (await _client.GetFilesClient().ImportAsync(
            new FineTuningFileImport(new Uri("https://www.contoso.com/trainingdata/puppy.jsonl"), "puppy.jsonl", FilePurpose.FineTune))).Value;

        AssertRequest("POST", "/openai/files/import");
        JsonAssert.Equivalent(
            """{"purpose":"fine-tune","filename":"puppy.jsonl","content_url":"https://www.contoso.com/trainingdata/puppy.jsonl"}""",
            _service.SingleRequest.RequestMessage.Body!);
        file.Status.Should().Be(FileState.Pending);
        file.Bytes.Should().BeNull();
        AssertLossless(expected, file);
    }

    [Fact]
    public async Task get_file()
    {
        JsonElement expected = Load("get_file");

        FineTuningFile file = (await _client.GetFilesClient().GetAsync(FileId)).Value;

        AssertRequest("GET", "/openai/files/" + FileId);
        file.Status.Should().Be(FileState.Processed);
        file.Bytes.Should().Be(140);
        file.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1646126127));
        AssertLossless(expected, file);
    }

    [Fact]
    public void get_files()
    {
        JsonElement expected = Load("get_files");

        List<FineTuningFile> files = _client.GetFilesClient().GetFiles().ToList();

        AssertRequest("GET", "/openai/files");
        files.Select(f => f.Purpose).Should().Equal(FilePurpose.FineTune, FilePurpose.FineTuneResults);
        files.Select(f => f.FileName).Should().Equal("puppy.jsonl", "results.csv");
        files[1].Bytes.Should().Be(32423);
        AssertLossless(expected.GetProperty("BodyAsJson").GetProperty("data")[1], files[1]);
    }

    [Fact]
    public async Task get_file_content()
    {
        Load("get_file_content");

        Response<Stream> response = await _client.GetFilesClient().DownloadContentAsync(FileId);

        ILogEntry entry = AssertRequest("GET", "/openai/files/" + FileId + "/content");
        entry.RequestMessage.Headers!["Accept"].Single().Should().Be("application/octet-stream, application/json");
        using Stream stream = response.Value;
        stream.CanSeek.Should().BeFalse("the content comes straight from the network, unbuffered");
        using var reader = new StreamReader(stream);
        (await reader.ReadToEndAsync()).Should().Be("raw file content");
    }

    [Fact]
    public void delete_file()
    {
        Load("delete_file");

        Response<FineTuningDeletionResult> response = _client.GetFilesClient().Delete(FileId);

        AssertRequest("DELETE", "/openai/files/" + FileId);
        response.GetRawResponse().Status.Should().Be(204);
        response.Value.Id.Should().Be(FileId, "a 204 has no body: the result is built from the request");
        response.Value.Deleted.Should().BeTrue();
        response.Value.Object.Should().BeNull();
    }

    [Fact]
    public async Task get_models()
    {
        JsonElement expected = Load("get_models");

        var models = new List<FineTuningModel>();
        await foreach (FineTuningModel model in _client.GetModelsClient().GetModelsAsync())
        {
            models.Add(model);
        }

        AssertRequest("GET", "/openai/models");
        models.Select(m => m.Id).Should().Equal("curie", "curie." + JobId);
        models[0].Capabilities!.FineTune.Should().BeTrue();
        models[1].FineTune.Should().Be(JobId);
        models[1].Deprecation!.FineTune.Should().BeNull();
        JsonElement data = expected.GetProperty("BodyAsJson").GetProperty("data");
        AssertLossless(data[0], models[0]);
        AssertLossless(data[1], models[1]);
    }

    [Fact]
    public async Task get_model_base()
    {
        JsonElement expected = Load("get_model_base");

        FineTuningModel model = (await _client.GetModelsClient().GetModelAsync("curie")).Value;

        AssertRequest("GET", "/openai/models/curie");
        model.Status.Should().Be(FineTuningState.Succeeded);
        model.Model.Should().BeNull();
        model.Capabilities!.Inference.Should().BeTrue();
        model.Capabilities.Completion.Should().BeTrue();
        model.Capabilities.ChatCompletion.Should().BeFalse();
        model.Capabilities.Embeddings.Should().BeFalse();
        model.LifecycleStatus.Should().Be(LifeCycleStatus.GenerallyAvailable);
        model.Deprecation!.FineTune.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1677662127));
        model.Deprecation.Inference.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1709284527));
        AssertLossless(expected, model);
    }

    [Fact]
    public void get_model_finetune()
    {
        JsonElement expected = Load("get_model_finetune");

        FineTuningModel model = _client.GetModelsClient().GetModel("curie." + JobId).Value;

        AssertRequest("GET", "/openai/models/curie." + JobId);
        model.Model.Should().Be("curie");
        model.FineTune.Should().Be(JobId);
        model.Capabilities!.FineTune.Should().BeFalse();
        model.Deprecation!.FineTune.Should().BeNull();
        AssertLossless(expected, model);
    }

    private static string RecordingPath(string example) => Path.Combine(AppContext.BaseDirectory, "Recordings", "FineTuning", example + ".json");

    /// <summary>Loads the recording with WireMock's static mapping reader and returns its response section.</summary>
    private JsonElement Load(string example)
    {
        string path = RecordingPath(example);
        _service.Server.ReadStaticMappingAndAddOrUpdate(path);
        _service.Server.Mappings.Should().ContainSingle();
        using JsonDocument mapping = JsonDocument.Parse(File.ReadAllText(path));
        return mapping.RootElement.GetProperty("Response").Clone();
    }

    /// <summary>The single request: matched by the recording (which checks body and headers), with method, path, version and key.</summary>
    private ILogEntry AssertRequest(string method, string path)
    {
        ILogEntry entry = _service.SingleRequest;
        entry.MappingGuid.Should().Be(_service.Server.Mappings.Single().Guid, "the recorded mapping must match the request");
        entry.RequestMessage.Method.Should().Be(method);
        entry.RequestMessage.AbsolutePath.Should().Be(path);
        entry.RequestMessage.Query!["api-version"].Should().Equal("2024-05-01-preview");
        entry.RequestMessage.Headers!["api-key"].Should().Equal(ApiKey);
        entry.RequestMessage.Headers.Should().NotContainKey("Authorization");
        return entry;
    }

    private static void AssertLossless<T>(JsonElement expected, T model)
    {
        JsonElement body = expected.TryGetProperty("BodyAsJson", out JsonElement json) ? json : expected;
        JsonAssert.Equivalent(body, FoundryTrainingSerializer.Serialize(model));
    }
}

/// <summary>Records progress on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to a context).</summary>
public sealed class SyncProgress : IProgress<long>
{
    private readonly List<long> _values;

    public SyncProgress(List<long> values) => _values = values;

    public void Report(long value)
    {
        lock (_values)
        {
            _values.Add(value);
        }
    }
}
