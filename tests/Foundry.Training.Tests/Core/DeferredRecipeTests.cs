using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// A command job's training recipe is parsed when <see cref="CommandJob.Training"/> is first read, not while the job is:
/// until then it is written back byte for byte; once read, the instance read is the one written; a recipe that cannot
/// be read reads as null and is kept in the job's additional properties, as any unreadable value is.
/// </summary>
public sealed class DeferredRecipeTests
{
    // The recipe's discriminator is not its first property and its number has an exponent: parsing and writing it would
    // change both, so the bytes show whether it was parsed.
    private const string Recipe = """{"model":"azureai://models/m/versions/1","algorithm":"grpo","dataset":{"train":"azureai://datasets/d/versions/1"},"hyperparameters":{"learning_rate":1.0E-6},"reward":{"kind":"builtin","type":"math_equivalence"},"lora":{"rank":64,"alpha":128}}""";

    private static string Job(string training) =>
        $$$"""{"name":"j","id":"j","properties":{"job_type":"command","compute_id":"c","training":{{{training}}},"status":"Running"}}""";

    private static CommandJob CommandOf(TrainingJob job) => (CommandJob)job.Properties;

    [Fact]
    public void AnUnreadRecipe_IsWrittenBackByteForByte()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(Recipe))!;

        string written = FoundryTrainingSerializer.Serialize(job);

        written.Should().Contain("\"training\":" + Recipe);
        JsonAssert.Equivalent(Job(Recipe), written);
    }

    [Fact]
    public void ReadingTheRecipe_ParsesItOnce_AndWhatIsChangedOnItIsWritten()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(Recipe))!;

        var recipe = (GrpoTrainingConfiguration)CommandOf(job).Training!;
        recipe.Model.Should().Be("azureai://models/m/versions/1");
        recipe.Dataset.Train.Should().Be("azureai://datasets/d/versions/1");
        recipe.LearningRate.Should().Be(1e-6);
        recipe.Lora!.Rank.Should().Be(64);
        CommandOf(job).Training.Should().BeSameAs(recipe);
        CommandOf(job).AdditionalProperties.Should().BeEmpty();

        recipe.Lora.Rank = 16;
        JsonNode written = JsonNode.Parse(FoundryTrainingSerializer.Serialize(job))!;

        written["properties"]!["training"]!["lora"]!["rank"]!.GetValue<int>().Should().Be(16);
        written["properties"]!["training"]!["algorithm"]!.GetValue<string>().Should().Be("grpo");
    }

    [Fact]
    public void ReadingTheRecipeOnManyThreadsAtOnce_GivesEveryThreadTheSameInstance()
    {
        for (int round = 0; round < 20; round++)
        {
            CommandJob command = CommandOf(FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(Recipe))!);
            using var start = new Barrier(8);
            TrainingConfiguration?[] seen = new TrainingConfiguration?[8];
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                start.SignalAndWait();
                seen[i] = command.Training;
            });

            seen.Should().OnlyContain(r => r != null && ReferenceEquals(r, seen[0]));
        }
    }

    [Theory]
    [InlineData("""{"algorithm":"grpo","model":5,"dataset":{"train":"t"},"reward":{"kind":"builtin","type":"x"}}""")] // a number where a string belongs
    [InlineData("""{"algorithm":"sft","model":"m","dataset":"not an object"}""")]
    [InlineData("""{"algorithm":"sft","model":"m","dataset":{"train":"t"},"lora":{"rank":1e400}}""")] // a number no int holds
    public void ARecipeTheSdkCannotRead_ReadsAsNull_AndIsKeptAndWrittenBackAsItCame(string training)
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(training))!;
        CommandJob command = CommandOf(job);

        command.Training.Should().BeNull();
        command.Training.Should().BeNull();
        JsonAssert.Equivalent(training, command.AdditionalProperties["training"].GetRawText());
        JsonAssert.Equivalent(Job(training), FoundryTrainingSerializer.Serialize(job));

        // A recipe given since is written instead, once.
        command.Training = new SftTrainingConfiguration("m2", new TrainingDatasetConfiguration("t2"));
        string written = FoundryTrainingSerializer.Serialize(job);

        using JsonDocument document = JsonDocument.Parse(written);
        document.RootElement.GetProperty("properties").EnumerateObject().Count(p => p.Name == "training").Should().Be(1);
        document.RootElement.GetProperty("properties").GetProperty("training").GetProperty("model").GetString().Should().Be("m2");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"grpo\"")]
    [InlineData("[]")]
    public void ATrainingValueThatIsNotAnObject_ReadsAsNull_AndIsKept(string training)
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(training))!;

        CommandOf(job).Training.Should().BeNull();
        JsonAssert.Equivalent(training, CommandOf(job).AdditionalProperties["training"].GetRawText());
        JsonAssert.Equivalent(Job(training), FoundryTrainingSerializer.Serialize(job));
    }

    [Fact]
    public void AJobReadFromSegments_ReadsItsRecipeAsFromOneBuffer()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Job(Recipe));
        var reader = new Utf8JsonReader(Segments.Of(utf8, 7));

        TrainingJob job = ModelSerialization.Deserialize<TrainingJob>(ref reader, ModelSerialization.Options)!;

        JsonAssert.Equivalent(Job(Recipe), FoundryTrainingSerializer.Serialize(job));
        ((GrpoTrainingConfiguration)CommandOf(job).Training!).Lora!.Alpha.Should().Be(128);
    }

    [Fact]
    public void IndentedOutput_IndentsAnUnreadRecipeToo()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job(Recipe))!;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            ModelSerialization.Serialize(writer, job, ModelSerialization.Options);
        }

        string written = Encoding.UTF8.GetString(buffer.WrittenSpan);

        written.Split('\n').Select(l => l.Trim()).Should().Contain("\"algorithm\": \"grpo\",").And.Contain("\"rank\": 64,");
        JsonAssert.Equivalent(Job(Recipe), written);
    }

    [Fact]
    public void ARecipeSetInCode_IsTheInstanceReadBack_AndNullRemovesIt()
    {
        var recipe = new SftTrainingConfiguration("m", new TrainingDatasetConfiguration("t"));
        var command = new CommandJob("c") { Training = recipe };

        command.Training.Should().BeSameAs(recipe);
        JsonNode.Parse(FoundryTrainingSerializer.Serialize(command))!["training"]!["algorithm"]!.GetValue<string>().Should().Be("sft");

        command.Training = null;

        command.Training.Should().BeNull();
        JsonNode.Parse(FoundryTrainingSerializer.Serialize(command))!.AsObject().ContainsKey("training").Should().BeFalse();
    }

    /// <summary>A <see cref="ReadOnlySequence{T}"/> of small segments, as a pipe reader hands them out.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[] bytes, int size)
        {
            var first = new Segments(bytes.AsMemory(0, size), 0);
            Segments last = first;
            for (int at = size; at < bytes.Length; at += size)
            {
                var next = new Segments(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)), at);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
