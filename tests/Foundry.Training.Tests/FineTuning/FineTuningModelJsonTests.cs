using System.Text.Json;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning;

public class FineTuningModelJsonTests
{
    private static T Read<T>(string json) => FoundryTrainingSerializer.Deserialize<T>(json)!;

    private static void RoundTrips<T>(string json) => JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(Read<T>(json)));

    [Fact]
    public void Job_UnionOfAzureAndOpenAIFields_RoundTrips()
    {
        const string json = """
        {
          "object": "fine_tuning.job", "id": "ftjob-abc123", "model": "gpt-4o-mini", "created_at": 1692661014,
          "finished_at": 1692661190, "estimated_finish": 1692661300, "fine_tuned_model": "ft:gpt-4o-mini:org:sfx:7q8mpxmy",
          "organization_id": "org-123", "organisation_id": "org-az", "result_files": ["file-abc123"], "status": "succeeded",
          "validation_file": null, "training_file": "file-abc123",
          "hyperparameters": {"n_epochs": 4, "batch_size": "auto", "learning_rate_multiplier": 1.8},
          "trained_tokens": 5768, "integrations": [{"type": "wandb", "wandb": {"project": "p", "name": null, "tags": ["t"]}}],
          "seed": 42, "suffix": "sfx",
          "error": {"code": "invalid_training_file", "message": "bad", "param": "training_file"},
          "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 4, "batch_size": 1, "learning_rate_multiplier": 1.0}}},
          "metadata": {"key": "value"}, "user_provided_suffix": "future"
        }
        """;
        FineTuningJob job = Read<FineTuningJob>(json);
        job.Object.Should().Be(TypeDiscriminator.FineTuningJob);
        job.Status.Should().Be(FineTuningState.Succeeded);
        job.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1692661014));
        job.EstimatedFinish.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1692661300));
        job.Hyperparameters!.EpochCount.Should().Be((FineTuningHyperparameterValue)4);
        job.Hyperparameters.BatchSize!.Value.IsAuto.Should().BeTrue();
        job.Hyperparameters.LearningRateMultiplier!.Value.Number.Should().Be(1.8);
        job.Integrations.Should().ContainSingle().Which.Wandb!.Tags.Should().Equal("t");
        job.Error!.Code.Should().Be(new FineTuningErrorCode("invalid_training_file"));
        job.Error.Param.Should().Be("training_file");
        job.Method!.Type.Should().Be(FineTuningMethodType.Supervised);
        job.Metadata.Should().Contain("key", "value");
        job.OrganizationId.Should().Be("org-123");
        job.OrganisationId.Should().Be("org-az");
        job.AdditionalProperties.Should().ContainKey("user_provided_suffix");

        // validation_file: null is dropped on write (WhenWritingNull); everything else survives.
        JsonAssert.Equivalent(json.Replace("\"validation_file\": null,", string.Empty, StringComparison.Ordinal).Replace("\"name\": null, ", string.Empty, StringComparison.Ordinal), FoundryTrainingSerializer.Serialize(job));
    }

    [Fact]
    public void CreateOptions_EmptyCollectionsAreNotSent()
    {
        var options = new FineTuningJobCreateOptions("gpt-4o-mini", "file-1");
        JsonAssert.Equivalent("""{"model":"gpt-4o-mini","training_file":"file-1"}""", FoundryTrainingSerializer.Serialize(options));
    }

    [Fact]
    public void CreateOptions_ReadsGetOnlyCollections()
    {
        const string json = """{"model":"m","training_file":"f","integrations":[{"type":"wandb","wandb":{"project":"p","tags":["a","b"]}}],"metadata":{"k":"v"}}""";
        FineTuningJobCreateOptions options = Read<FineTuningJobCreateOptions>(json);
        options.Integrations.Should().ContainSingle().Which.Wandb!.Tags.Should().Equal("a", "b");
        options.Metadata.Should().Contain("k", "v");
        RoundTrips<FineTuningJobCreateOptions>(json);
    }
}
