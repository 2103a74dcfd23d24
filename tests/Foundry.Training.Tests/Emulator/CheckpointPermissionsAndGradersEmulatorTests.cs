using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// Checkpoint permissions (stored per checkpoint, paged, filtered) and graders (deterministic runs, validation) through
/// the SDK against the emulator's OpenAI platform; Azure OpenAI 2024-05-01-preview has neither, and the SDK says so.
/// </summary>
public sealed class CheckpointPermissionsAndGradersEmulatorTests : IDisposable
{
    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
    {
        StepInterval = TimeSpan.FromMilliseconds(20),
        TrainingSteps = 4,
    });

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
    }

    private async Task<string> FineTunedModelAsync(FineTuningClient client)
    {
        string fileId = (await client.GetFilesClient().UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune, cancellationToken: _timeout.Token)).Value.Id;
        await client.GetFilesClient().WaitForProcessedAsync(fileId, cancellationToken: _timeout.Token);
        string jobId = (await client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", fileId) { Suffix = "shared" }, _timeout.Token)).Value.Id;
        return (await client.WaitForCompletionAsync(jobId, cancellationToken: _timeout.Token)).Value.FineTunedModel!;
    }

    [Fact]
    public async Task Permissions_AreCreatedListedFilteredPagedAndDeleted_PerCheckpoint()
    {
        FineTuningClient client = _emulator.CreateOpenAIClient();
        string checkpoint = await FineTunedModelAsync(client);
        FineTuningCheckpointPermissionsClient permissions = client.GetCheckpointPermissionsClient();

        IReadOnlyList<FineTuningCheckpointPermission> created = (await permissions.CreatePermissionsAsync(checkpoint, new[] { "proj_a", "proj_b" }, _timeout.Token)).Value;
        created.Select(p => p.ProjectId).Should().Equal("proj_a", "proj_b");
        created.Should().OnlyContain(p => p.Id.StartsWith("cp_", StringComparison.Ordinal) && p.Object == "checkpoint.permission" && p.CreatedAt != null);
        permissions.CreatePermissions(checkpoint, new[] { "proj_a" }).Value.Single().Id.Should().Be(created[0].Id, "sharing twice changes nothing");

        List<FineTuningCheckpointPermission> all = await permissions.GetPermissionsAsync(checkpoint, new FineTuningCheckpointPermissionListOptions { Limit = 1, Order = "ascending" }, _timeout.Token).ToListAsync();
        all.Select(p => p.ProjectId).Should().Equal("proj_a", "proj_b");
        permissions.GetPermissions(checkpoint).Select(p => p.ProjectId).Should().Equal("proj_b", "proj_a");
        permissions.GetPermissions(checkpoint, new FineTuningCheckpointPermissionListOptions { ProjectId = "proj_b" }).Single().Id.Should().Be(created[1].Id);

        Response<FineTuningDeletionResult> deleted = await permissions.DeletePermissionAsync(checkpoint, created[0].Id, _timeout.Token);
        deleted.Value.Id.Should().Be(created[0].Id);
        deleted.Value.Deleted.Should().BeTrue();
        deleted.Value.Object.Should().Be(new TypeDiscriminator("checkpoint.permission"));
        permissions.GetPermissions(checkpoint).Select(p => p.ProjectId).Should().Equal("proj_b");
        (await FluentActions.Awaiting(() => permissions.DeletePermissionAsync(checkpoint, created[0].Id)).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await FluentActions.Awaiting(() => permissions.CreatePermissionsAsync("ft:unknown:emulator::x", new[] { "p" })).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public void AzureOpenAI_HasNoPermissionsOrGraders_AndSaysSoBeforeAnyRequest()
    {
        FineTuningClient client = _emulator.CreateAzureOpenAIClient();
        _emulator.ClearRequests();

        FluentActions.Invoking(() => client.GetCheckpointPermissionsClient().GetPermissions("ft:x")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => client.GetCheckpointPermissionsClient().CreatePermissions("ft:x", new[] { "p" })).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => client.GetCheckpointPermissionsClient().DeletePermission("ft:x", "cp_1")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => client.RunGrader(new StringCheckGrader(), "x")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => client.ValidateGrader(new StringCheckGrader())).Should().Throw<NotSupportedException>();
        _emulator.Requests.Should().BeEmpty();
    }

    public static TheoryData<string, FineTuningGrader, string, double> Graders => new()
    {
        { "string_check eq, item template", new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.answer}}", Operation = StringCheckOperation.Equal }, "Paris", 1 },
        { "string_check eq, a miss", new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.answer}}", Operation = StringCheckOperation.Equal }, "Lyon", 0 },
        { "string_check ilike", new StringCheckGrader { Name = "contains", Input = "{{sample.output_text}}", Reference = "paris", Operation = StringCheckOperation.ILike }, "It is PARIS.", 1 },
        { "text_similarity, word F1", new TextSimilarityGrader { Name = "sim", Input = "{{sample.output_text}}", Reference = "the capital is paris", EvaluationMetric = TextSimilarityMetric.FuzzyMatch }, "the capital is lyon", 0.75 },
        { "score_model, middle of the range", ScoreModel(), "anything", 0.5 },
    };

    private static ScoreModelGrader ScoreModel()
    {
        var grader = new ScoreModelGrader { Name = "judge", Model = "gpt-4o-mini" };
        grader.Input.Add(new GraderInputMessage(GraderMessageRole.User, "Rate {{sample.output_text}}"));
        grader.Range.Add(0);
        grader.Range.Add(1);
        return grader;
    }

    [Theory]
    [MemberData(nameof(Graders))]
    public async Task RunGrader_GivesDeterministicRewardsAndTheMetadata(string because, FineTuningGrader grader, string sample, double reward)
    {
        FineTuningClient client = _emulator.CreateOpenAIClient();
        var item = new Dictionary<string, JsonNode?> { ["answer"] = "Paris" };

        FineTuningGraderRunResult result = (await client.RunGraderAsync(grader, sample, item, _timeout.Token)).Value;

        result.Reward.Should().Be(reward, because);
        result.Metadata!.Name.Should().Be(grader.Name);
        result.Metadata.Type.Should().Be(grader.Type.ToString());
        result.Metadata.Errors!.OtherError.Should().BeFalse();
        result.Metadata.Errors.PythonGraderRuntimeErrorDetails.Should().BeNull();
        result.Metadata.Scores.Should().ContainKey(grader.Type.ToString()!);
        result.SubRewards.Should().BeEmpty();
        client.RunGrader(grader, sample, item).Value.Reward.Should().Be(reward, "the same input grades the same");
    }

    [Fact]
    public async Task ValidateGrader_ReturnsTheGrader_OrRejectsAnIncompleteOne()
    {
        FineTuningClient client = _emulator.CreateOpenAIClient();
        var grader = new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "x", Operation = StringCheckOperation.Equal };

        FineTuningGrader validated = (await client.ValidateGraderAsync(grader, _timeout.Token)).Value;

        validated.Should().BeOfType<StringCheckGrader>().Which.Reference.Should().Be("x");
        (await FluentActions.Awaiting(() => client.ValidateGraderAsync(new StringCheckGrader { Name = "half", Input = "x" })).Should().ThrowAsync<RequestFailedException>())
            .Which.Status.Should().Be(400);
    }

    [Theory]
    [InlineData("validate", "[]")]
    [InlineData("validate", "\"grader\"")]
    [InlineData("run", "[]")]
    [InlineData("run", "{\"grader\":{\"type\":\"string_check\",\"name\":\"g\",\"input\":\"a\",\"reference\":\"a\",\"operation\":\"eq\"}}")]
    public async Task GraderRoutes_AnswerABodyWithoutAGraderOrSample_With400(string route, string body)
    {
        (int status, JsonNode? error) = await PostAsync("fine_tuning/alpha/graders/" + route, body);

        status.Should().Be(400);
        error!["param"]!.GetValue<string>().Should().Be(body.StartsWith('{') ? "model_sample" : "grader");
    }

    [Fact]
    public async Task PermissionsAndUploadCompletion_AnswerABodyThatIsNotAnObject_With400()
    {
        string checkpoint = await FineTunedModelAsync(_emulator.CreateOpenAIClient());
        (int status, JsonNode? error) = await PostAsync($"fine_tuning/checkpoints/{Uri.EscapeDataString(checkpoint)}/permissions", "[]");
        status.Should().Be(400);
        error!["param"]!.GetValue<string>().Should().Be("project_ids");

        (int created, JsonNode? upload) = await PostAsync("uploads", """{"filename":"a.jsonl","purpose":"fine-tune","bytes":1,"mime_type":"text/jsonl"}""");
        created.Should().Be(200);
        (status, error) = await PostAsync($"uploads/{upload!["id"]!.GetValue<string>()}/complete", "[]");
        status.Should().Be(400);
        error!["param"]!.GetValue<string>().Should().Be("part_ids");
    }

    /// <summary>A raw POST to the emulator's OpenAI platform: the status, and the body's <c>error</c> (or the body when there is none).</summary>
    private async Task<(int Status, JsonNode? Body)> PostAsync(string path, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + path))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _emulator.ApiKey.Key);
        using HttpResponseMessage response = await http.SendAsync(request, _timeout.Token);
        JsonNode? json = JsonNode.Parse(await response.Content.ReadAsStringAsync(_timeout.Token));
        return ((int)response.StatusCode, json?["error"] ?? json);
    }
}
