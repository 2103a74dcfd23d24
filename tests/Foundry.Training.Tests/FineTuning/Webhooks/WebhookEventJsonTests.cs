using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning.Webhooks;

/// <summary>The webhook event family: each type of the spec's <c>webhooks:</c> section, unknown types kept, lossless round trips.</summary>
public sealed class WebhookEventJsonTests
{
    private const string Future = "\"x_future\":{\"nested\":[1,{\"a\":null}]}";

    public static TheoryData<string, Type> FineTuningJobEvents => new()
    {
        { "fine_tuning.job.succeeded", typeof(FineTuningJobSucceededEvent) },
        { "fine_tuning.job.failed", typeof(FineTuningJobFailedEvent) },
        { "fine_tuning.job.cancelled", typeof(FineTuningJobCancelledEvent) },
    };

    [Theory]
    [MemberData(nameof(FineTuningJobEvents))]
    public void TheSpecsExample_ReadsAsItsType_AndWritesBackUnchanged(string type, Type expected)
    {
        // The x-oaiMeta example of each WebhookFineTuningJob* schema (it leaves out the optional "object").
        string json = $$$"""{"id":"evt_abc123","type":"{{{type}}}","created_at":1719168000,"data":{"id":"ftjob_abc123"}}""";

        FineTuningWebhookEvent webhookEvent = FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(json)!;

        webhookEvent.Should().BeOfType(expected);
        webhookEvent.Type.Should().Be(new FineTuningWebhookEventType(type));
        webhookEvent.Id.Should().Be("evt_abc123");
        webhookEvent.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1719168000));
        webhookEvent.Object.Should().BeNull();
        ((FineTuningJobWebhookEvent)webhookEvent).JobId.Should().Be("ftjob_abc123");
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Theory]
    [MemberData(nameof(FineTuningJobEvents))]
    public void PropertiesTheSdkDoesNotKnow_AreKept_AtEveryLevel(string type, Type expected)
    {
        string json = $$$"""{"data":{"id":"ftjob-1","fine_tuned_model":"ft:gpt-4o-mini:org::abc",{{{Future}}}},"object":"event","created_at":1750287018,"id":"evt_1","type":"{{{type}}}",{{{Future}}}}""";

        FineTuningWebhookEvent webhookEvent = FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(json)!;

        webhookEvent.Should().BeOfType(expected); // the type may come last
        webhookEvent.Object.Should().Be(TypeDiscriminator.Event);
        webhookEvent.AdditionalProperties.Keys.Should().Equal("x_future");
        ((FineTuningJobWebhookEvent)webhookEvent).Data!.AdditionalProperties.Keys.Should().BeEquivalentTo("fine_tuned_model", "x_future");
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Theory]
    [InlineData("""{"id":"evt_1","object":"event","created_at":1750287018,"type":"batch.completed","data":{"id":"batch_1"}}""", "batch.completed")]
    [InlineData("""{"id":"evt_2","object":"event","created_at":1750287018,"type":"realtime.call.incoming","data":{"call_id":"c1","sip_headers":[{"name":"From","value":"x"}]}}""", "realtime.call.incoming")]
    [InlineData("""{"id":"evt_3","type":"fine_tuning.job.paused","data":"not even an object"}""", "fine_tuning.job.paused")]
    [InlineData("""{"id":"evt_4","data":{"id":"ftjob-1"}}""", null)]
    [InlineData("""{"id":"evt_5","type":7}""", null)]
    public void AnyOtherEvent_IsKeptWhole_AsUnknown(string json, string? type)
    {
        FineTuningWebhookEvent webhookEvent = FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(json)!;

        webhookEvent.Should().BeOfType<UnknownFineTuningWebhookEvent>();
        webhookEvent.Type?.ToString().Should().Be(type);
        webhookEvent.Id.Should().StartWith("evt_");
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void AnEventRead_AsItsOwnType_ReadsToo()
    {
        const string Json = """{"id":"evt_1","object":"event","created_at":1750287018,"type":"fine_tuning.job.failed","data":{"id":"ftjob-1"}}""";

        FineTuningJobFailedEvent failed = FoundryTrainingSerializer.Deserialize<FineTuningJobFailedEvent>(Json)!;

        failed.JobId.Should().Be("ftjob-1");
        JsonAssert.Equivalent(Json, FoundryTrainingSerializer.Serialize(failed));
        FluentActions.Invoking(() => FoundryTrainingSerializer.Deserialize<FineTuningJobSucceededEvent>(Json)).Should().Throw<System.Text.Json.JsonException>();
    }

    [Fact]
    public void AnUnreadableTimestamp_ReadsNull_AndIsKept()
    {
        const string Json = """{"id":"evt_1","type":"fine_tuning.job.succeeded","created_at":"soon","data":{"id":"ftjob-1"}}""";

        FineTuningWebhookEvent webhookEvent = FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(Json)!;

        webhookEvent.CreatedAt.Should().BeNull();
        JsonAssert.Equivalent(Json, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void MissingValues_ReadEmpty_AndStayAbsent()
    {
        const string Json = """{"type":"fine_tuning.job.cancelled"}""";

        FineTuningJobWebhookEvent webhookEvent = (FineTuningJobWebhookEvent)FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(Json)!;

        webhookEvent.Id.Should().BeEmpty();
        webhookEvent.Data.Should().BeNull();
        webhookEvent.JobId.Should().BeEmpty();
        JsonAssert.Equivalent(Json, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void TheModelFactory_BuildsEvents_AsThePlatformSendsThem()
    {
        DateTimeOffset at = DateTimeOffset.FromUnixTimeSeconds(1750287018);

        JsonAssert.Equivalent(
            """{"id":"evt_1","object":"event","created_at":1750287018,"type":"fine_tuning.job.succeeded","data":{"id":"ftjob-1"}}""",
            FoundryTrainingSerializer.Serialize<FineTuningWebhookEvent>(FineTuningModelFactory.FineTuningJobSucceededEvent("evt_1", at, "ftjob-1")));
        JsonAssert.Equivalent(
            """{"id":"evt_2","object":"event","created_at":1750287018,"type":"fine_tuning.job.failed","data":{"id":"ftjob-2"}}""",
            FoundryTrainingSerializer.Serialize<FineTuningWebhookEvent>(FineTuningModelFactory.FineTuningJobFailedEvent("evt_2", at, "ftjob-2")));
        JsonAssert.Equivalent(
            """{"id":"evt_3","object":"event","created_at":1750287018,"type":"fine_tuning.job.cancelled","data":{"id":"ftjob-3"}}""",
            FoundryTrainingSerializer.Serialize(FineTuningModelFactory.FineTuningJobCancelledEvent("evt_3", at, "ftjob-3")));
        FineTuningModelFactory.FineTuningJobCancelledEvent().Type.Should().Be(FineTuningWebhookEventType.FineTuningJobCancelled);
    }
}
