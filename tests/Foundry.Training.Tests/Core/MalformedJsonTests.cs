using System.Text;
using System.Text.Json;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// Regression tests for the malformed documents the property tests found: each used to escape
/// <see cref="FoundryTrainingSerializer"/> as something other than <see cref="JsonException"/>, or was read into a
/// model that could not be written back.
/// </summary>
public class MalformedJsonTests
{
    private static T? Read<T>(byte[] utf8) => FoundryTrainingSerializer.Deserialize<T>(BinaryData.FromBytes(utf8));

    private static byte[] Utf8(string text, params byte[] insertedAtHash)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int at = Array.IndexOf(bytes, (byte)'#');
        return at < 0 ? bytes : bytes.Take(at).Concat(insertedAtHash).Concat(bytes.Skip(at + 1)).ToArray();
    }

    [Theory]
    [InlineData("""{"algorithm":"\uDC00sft","model":"m"}""")]   // a lone surrogate escape in the discriminator
    [InlineData("""{"\uD800x":1,"algorithm":"sft"}""")]          // ... in a property name before it
    [InlineData("""{"model":"m","\uD83D\u0041":2}""")]           // a high surrogate followed by a non-surrogate
    public void AFamilyRootWithAnInvalidEscape_IsAJsonException(string json)
    {
        Action read = () => FoundryTrainingSerializer.Deserialize<TrainingConfiguration>(json);

        read.Should().Throw<JsonException>().Which.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void AFamilyRootWithInvalidUtf8InTheDiscriminator_IsAJsonException()
    {
        Action read = () => Read<TrainingRewardConfiguration>(Utf8("""{"kind":"#model","model":"m"}""", 0xFF));

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void AMemberReadWithAnInvalidDiscriminator_IsAJsonExceptionThatDescribesIt()
    {
        Action read = () => Read<DeploymentConnection>(Utf8("""{"kind":"#WorkspaceConnection"}""", 0xFF));

        read.Should().Throw<JsonException>().WithMessage("*\"kind\" is a string that is not valid UTF-8, not \"*\" as DeploymentConnection requires.");
    }

    [Theory]
    [InlineData("""{"data":[],"last_id":"\uD800"}""")]
    [InlineData("""{"data":[],"\uDD1E":true}""")]
    public void AListEnvelopeWithAnInvalidEscape_IsAJsonException(string json)
    {
        Action parse = () => PageContent<FineTuningJob>.Parse(Encoding.UTF8.GetBytes(json), ModelSerialization.GetTypeInfo<FineTuningJob>());

        parse.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("""{"learning_rate_multiplier":1e400}""")]
    [InlineData("""{"batch_size":-1e400}""")]
    public void AHyperparameterBeyondTheRangeOfDouble_IsAJsonException(string json)
    {
        Action read = () => FoundryTrainingSerializer.Deserialize<FineTuningHyperparameters>(json);

        read.Should().Throw<JsonException>().WithMessage("*outside the range of a double*");
    }

    [Fact]
    public void ADoublePropertyBeyondItsRange_IsAJsonException_WhileTheLargestDoubleIsRead()
    {
        Action read = () => FoundryTrainingSerializer.Deserialize<ScoreModelSamplingParameters>("""{"top_p":1.7976931348623157e309}""");

        read.Should().Throw<JsonException>().WithMessage("*outside the range of a double*");
        ScoreModelSamplingParameters max = FoundryTrainingSerializer.Deserialize<ScoreModelSamplingParameters>("""{"top_p":1.7976931348623157e308}""")!;
        JsonAssert.Equivalent("""{"top_p":1.7976931348623157e308}""", FoundryTrainingSerializer.Serialize(max));
    }

    [Fact]
    public void UnknownJsonKeepsNumbersBeyondTheRangeOfDouble()
    {
        FineTuningJob job = FoundryTrainingSerializer.Deserialize<FineTuningJob>("""{"id":"ft-1","x_huge":1e400}""")!;

        JsonAssert.Equivalent("""{"id":"ft-1","x_huge":1e400}""", FoundryTrainingSerializer.Serialize(job));
    }

    [Fact]
    public void AnOpenEnumWithoutAValue_IsWrittenAsNullAndReadBack()
    {
        JobOperationResource empty = FoundryTrainingSerializer.Deserialize<JobOperationResource>("{}")!;
        string written = FoundryTrainingSerializer.Serialize(empty);

        JobOperationResource again = FoundryTrainingSerializer.Deserialize<JobOperationResource>(written)!;

        again.Status.ToString().Should().BeNull();
        FoundryTrainingSerializer.Serialize(again).Should().Be(written);
    }

    [Fact]
    public void RequiredIngestionListsSentAsNull_ReadAsEmptyLists()
    {
        IngestionJob job = FoundryTrainingSerializer.Deserialize<IngestionJob>(
            """{"kind":"SystemCompute","datasource":{"kind":"Urls","urls":null,"embeddings":null},"target":{"kind":"AzureAISearch"}}""")!;
        var storage = FoundryTrainingSerializer.Deserialize<SystemComputeStorage>("""{"kind":"Storage","embeddings":null}""")!;
        var userUrls = FoundryTrainingSerializer.Deserialize<UserComputeUrl>("""{"kind":"Urls","urls":null,"embeddings":null}""")!;

        var urls = job.Should().BeOfType<SystemComputeIngestionJob>().Which.Datasource.Should().BeOfType<SystemComputeUrl>().Subject;
        urls.Urls.Should().BeEmpty();
        urls.Embeddings.Should().BeEmpty();
        storage.Embeddings.Should().BeEmpty();
        userUrls.Urls.Should().BeEmpty();
        userUrls.Embeddings.Should().BeEmpty();
        userUrls.Urls.Add("https://example.com");
        JsonAssert.Equivalent("""{"kind":"Urls","urls":["https://example.com"],"embeddings":[]}""", FoundryTrainingSerializer.Serialize(userUrls));
    }
}
