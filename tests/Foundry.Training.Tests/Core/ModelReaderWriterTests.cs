using System.ClientModel;
using System.ClientModel.Primitives;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Properties.Generators;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// Every public model implements <see cref="IJsonModel{T}"/> of itself, so System.ClientModel's
/// <see cref="ModelReaderWriter"/> (the Azure SDK convention for persisting models) reads and writes it, with the
/// reflection-based overloads and with the AOT-safe <see cref="FoundryTrainingContext"/>. Both give exactly what
/// <see cref="FoundryTrainingSerializer"/> gives: one serializer, unknown properties and unknown kinds kept.
/// </summary>
public class ModelReaderWriterTests
{
    private const string Job = """
        {"name":"grpo-1","id":"/jobs/grpo-1","properties":{"job_type":"command","compute_id":"gpu","status":"Running",
         "training":{"algorithm":"grpo","model":"azureai://models/qwen","dataset":{"train":"azureai://datasets/math/versions/1"},
          "reward":{"kind":"composite","rewards":[{"reward":{"kind":"builtin","type":"math_equivalence"},"weight":0.7},
                                                  {"reward":{"kind":"from_the_future","judge":"x"},"weight":0.3}]}},
         "distribution":{"distribution_type":"pytorch","process_count_per_instance":8},"x_new_property":[1,2]},
         "system_data":{"created_at":1767225600}}
        """;

    private static readonly ModelReaderWriterOptions s_json = ModelReaderWriterOptions.Json;
    private static readonly ModelReaderWriterOptions s_wire = new("W");

    /// <summary>
    /// The abstract groupings inside a family: not documents of their own (read a recipe as
    /// <see cref="TrainingConfiguration"/>, a webhook event as <see cref="FineTuningWebhookEvent"/>).
    /// </summary>
    private static readonly Type[] s_groupings = { typeof(PreferenceTrainingConfiguration), typeof(ReinforcementTrainingConfiguration), typeof(FineTuningJobWebhookEvent) };

    /// <summary>Every public model type: each public <see cref="ExtensibleModel"/> but the base classes and the groupings (recipes, job webhook events).</summary>
    public static IReadOnlyList<Type> PublicModelTypes { get; } = typeof(ExtensibleModel).Assembly.GetExportedTypes()
        .Where(t => typeof(ExtensibleModel).IsAssignableFrom(t) && t != typeof(ExtensibleModel) && !t.IsGenericTypeDefinition)
        .Except(s_groupings)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<Type> FamilyBases() => new(ModelContexts.Families.Select(f => f.BaseType));

    [Fact]
    public void EveryPublicModelImplementsIJsonModelOfItself()
    {
        PublicModelTypes.Should().HaveCountGreaterThan(130).And.Contain(new[] { typeof(TrainingJob), typeof(CommandJob), typeof(JobExecutionAssetReference), typeof(UnknownFineTuningGrader) });
        PublicModelTypes.Where(t => !typeof(IJsonModel<>).MakeGenericType(t).IsAssignableFrom(t)).Should().BeEmpty();
        s_groupings.Should().OnlyContain(t => t.IsAbstract && ModelContexts.Families.Any(f => f.BaseType != t && f.BaseType == ModelJson.FamilyBaseOf(t)));
    }

    [Fact]
    public void TheContextBuildsEveryPublicModel() =>
        PublicModelTypes.Where(t => !FoundryTrainingContext.Default.TryGetTypeBuilder(t, out _)).Should().BeEmpty("FoundryTrainingContext must list every public model");

    [Fact]
    public void EveryPolymorphicBaseIsReadThroughItsFamilyReader()
    {
        foreach (Type familyBase in ModelContexts.Families.Select(f => f.BaseType))
        {
            familyBase.GetCustomAttribute<PersistableModelProxyAttribute>()!.ProxyType.Should().Be(typeof(PolymorphicModelReader<>).MakeGenericType(familyBase));
        }
    }

    /// <summary>
    /// Sample documents of every model type (family bases pick any member, unknown kinds included): both ways of
    /// ModelReaderWriter read them as the SDK's serializer does and write the same JSON.
    /// </summary>
    [Fact]
    public void EveryModelRoundTripsThroughModelReaderWriterAsThroughTheSerializer()
    {
        Type[] types = ModelJson.ModelTypes.Where(PublicModelTypes.Contains).ToArray();
        types.Should().BeEquivalentTo(PublicModelTypes, "the document generator covers every public model");

        int documents = 0;
        foreach (Type type in types)
        {
            ModelCodec codec = ModelCodec.For(type);
            foreach (string json in Gen.Sample(ModelJson.DocumentFor(type), 10, new Rnd((ulong)type.FullName!.Length), 4).Distinct())
            {
                string expected = codec.Write(codec.Read(json));
                JsonAssert.Equivalent(json, expected);
                var data = BinaryData.FromString(json);

                object viaContext = ModelReaderWriter.Read(data, type, s_json, FoundryTrainingContext.Default)!;
                object viaReflection = ModelReaderWriter.Read(data, type)!;
                viaContext.Should().BeAssignableTo(type).And.BeOfType(codec.Read(json)!.GetType(), json);
                viaReflection.Should().BeOfType(viaContext.GetType(), json);

                // ModelReaderWriter writes through IJsonModel into a writer of its own, which escapes less than the serializer's defaults.
                string written = ModelReaderWriter.Write(viaContext, s_json, FoundryTrainingContext.Default).ToString();
                JsonAssert.Equivalent(expected, written);
                ModelReaderWriter.Write(viaReflection).ToString().Should().Be(written, json);
                ModelReaderWriter.Write(viaContext, s_wire, FoundryTrainingContext.Default).ToString().Should().Be(written, "\"W\" is the same JSON");
                ((IPersistableModel<object>)viaContext).Write(s_json).ToString().Should().Be(expected, json);
                documents++;
            }
        }

        documents.Should().BeGreaterThan(2 * types.Length);
    }

    [Theory]
    [MemberData(nameof(FamilyBases))]
    public void AnUnknownKindReadAsTheBaseLandsInTheUnknownTypeAndIsWrittenBackUnchanged(Type familyBase)
    {
        string discriminator = FoundryTrainingSerializer.Options.GetTypeInfo(familyBase).PolymorphismOptions!.TypeDiscriminatorPropertyName;
        string json = $$"""{"{{discriminator}}":"from_the_future","knob":{"a":[1,null]},"n":3}""";
        var data = BinaryData.FromString(json);

        foreach (object model in new[] { ModelReaderWriter.Read(data, familyBase, s_json, FoundryTrainingContext.Default)!, ModelReaderWriter.Read(data, familyBase)! })
        {
            model.GetType().Name.Should().Be("Unknown" + familyBase.Name);
            model.Should().BeAssignableTo(familyBase);
            JsonAssert.Equivalent(json, ModelReaderWriter.Write(model, s_json, FoundryTrainingContext.Default).ToString());
        }
    }

    [Fact]
    public void AJobIsWrittenAndItsPropertiesReadBackAsTheIssueAsks()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job)!;

        BinaryData data = ModelReaderWriter.Write(job);
        JsonAssert.Equivalent(Job, data.ToString());

        TrainingJob copy = ModelReaderWriter.Read<TrainingJob>(data)!;
        CommandJob properties = ModelReaderWriter.Read<CommandJob>(ModelReaderWriter.Write(copy.Properties))!;
        var grpo = properties.Training.Should().BeOfType<GrpoTrainingConfiguration>().Subject;
        grpo.Reward.Should().BeOfType<TrainingCompositeRewardConfiguration>()
            .Which.Rewards.Select(r => r.Reward.GetType()).Should().Equal(typeof(TrainingBuiltinRewardConfiguration), typeof(UnknownTrainingRewardConfiguration));
        properties.AdditionalProperties.Should().ContainKey("x_new_property");
        JsonAssert.Equivalent(Job, ModelReaderWriter.Write(copy, s_json, FoundryTrainingContext.Default).ToString());
    }

    [Fact]
    public void ReadingAMemberTypeRejectsADocumentOfAnotherKind()
    {
        var sweep = BinaryData.FromString("""{"job_type":"sweep","compute_id":"c"}""");

        ((Action)(() => ModelReaderWriter.Read<CommandJob>(sweep, s_json, FoundryTrainingContext.Default))).Should().Throw<JsonException>().WithMessage("*CommandJob*");
        ModelReaderWriter.Read<JobProperties>(sweep, s_json, FoundryTrainingContext.Default).Should().BeOfType<UnknownJobProperties>()
            .Which.JobType.ToString().Should().Be("sweep");
    }

    [Fact]
    public void TheModelsSpeakJsonOnly()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job)!;
        var xml = new ModelReaderWriterOptions("X");

        ((IPersistableModel<TrainingJob>)job).GetFormatFromOptions(s_wire).Should().Be("J");
        ((Action)(() => ModelReaderWriter.Write(job, xml, FoundryTrainingContext.Default))).Should().Throw<FormatException>().WithMessage("*TrainingJob*\"X\"*");
        ((Action)(() => ModelReaderWriter.Read<CommandJob>(BinaryData.FromString("{}"), xml, FoundryTrainingContext.Default))).Should().Throw<FormatException>().WithMessage("*CommandJob*");
        ((Action)(() => ModelReaderWriter.Read<JobProperties>(BinaryData.FromString("{}"), xml, FoundryTrainingContext.Default))).Should().Throw<FormatException>();
    }

    [Fact]
    public void BadInputFailsAsTheSerializerDoes()
    {
        ModelReaderWriter.Read<TrainingJob>(BinaryData.FromString("null"), s_json, FoundryTrainingContext.Default).Should().BeNull();
        ((Action)(() => ModelReaderWriter.Read<TrainingJob>(BinaryData.FromString("""{"name":"""), s_json, FoundryTrainingContext.Default))).Should().Throw<JsonException>();
        ((Action)(() => ModelReaderWriter.Read<TrainingConfiguration>(BinaryData.FromString("[1]"), s_json, FoundryTrainingContext.Default))).Should().Throw<JsonException>();

        IJsonModel<TrainingJob> model = TrainingModelFactory.TrainingJob(name: "j", properties: new CommandJob("gpu") { Command = "python train.py" });
        ((Action)(() => model.Write(null!, s_json))).Should().Throw<ArgumentNullException>().WithParameterName("writer");
        ((Action)(() => model.Write(s_json))).Should().NotThrow();
        ((Action)(() => model.Write(null!))).Should().Throw<ArgumentNullException>().WithParameterName("options");
        ((Action)(() => model.Create(null!, s_json))).Should().Throw<ArgumentNullException>().WithParameterName("data");
    }

    /// <summary>The <see cref="IJsonModel{T}"/> members work inside a larger document: the reader ends on the model's last token.</summary>
    [Fact]
    public void IJsonModelReadsAndWritesOneValueInsideALargerDocument()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job)!;
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            ((IJsonModel<TrainingJob>)job).Write(writer, s_json);
            ((IJsonModel<JobProperties>)job.Properties).Write(writer, s_json);
            writer.WriteNumberValue(42);
            writer.WriteEndArray();
        }

        var reader = new Utf8JsonReader(buffer.ToArray());
        reader.Read();
        reader.Read();
        TrainingJob read = ((IJsonModel<TrainingJob>)job).Create(ref reader, s_json)!;
        reader.Read();
        JobProperties properties = ((IJsonModel<CommandJob>)(CommandJob)job.Properties).Create(ref reader, s_json)!;
        reader.Read();
        reader.GetInt32().Should().Be(42);

        JsonAssert.Equivalent(Job, FoundryTrainingSerializer.Serialize(read));
        properties.Should().BeOfType<CommandJob>();
        JsonAssert.Equivalent(FoundryTrainingSerializer.Serialize(job.Properties), FoundryTrainingSerializer.Serialize(properties));
    }

    /// <summary>Members satisfy <c>where T : IPersistableModel&lt;T&gt;</c> as themselves, so System.ClientModel's generic APIs take them.</summary>
    [Fact]
    public void MembersAndBasesWorkWithSystemClientModelsGenericApis()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(Job)!;
        var command = (CommandJob)job.Properties;

        Persist(command).Should().Be(Persist<JobProperties>(command));
        Persist(command.Training!).Should().Contain("\"algorithm\":\"grpo\"");
        using BinaryContent content = BinaryContent.Create(job);
        var stream = new MemoryStream();
        content.WriteTo(stream);
        JsonAssert.Equivalent(Job, Encoding.UTF8.GetString(stream.ToArray()));

        static string Persist<T>(T model)
            where T : IPersistableModel<T> => model.Write(s_json).ToString();
    }

    /// <summary>Collections of models through the reflection-based overloads: each item, of a base type too, is read through its <see cref="IJsonModel{T}"/>.</summary>
    [Fact]
    public void ListsOfPolymorphicModelsRoundTripThroughTheReflectionOverloads()
    {
        const string Graders = """
            [{"type":"string_check","name":"a","input":"{{sample.output_text}}","reference":"x","operation":"eq"},
             {"type":"from_the_future","name":"b","weights":[1]}]
            """;

        List<FineTuningGrader> graders = ModelReaderWriter.Read<List<FineTuningGrader>>(BinaryData.FromString(Graders))!;

        graders.Select(g => g.GetType()).Should().Equal(typeof(StringCheckGrader), typeof(UnknownFineTuningGrader));
        JsonAssert.Equivalent(Graders, ModelReaderWriter.Write(graders).ToString());
    }
}
