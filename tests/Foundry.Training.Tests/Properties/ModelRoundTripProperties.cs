using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Properties.Generators;

namespace Foundry.Training.Tests.Properties;

/// <summary>
/// Random valid documents of every model survive read → write → read → write: the first write is the document
/// itself (property order and number spelling aside), the second write is byte-identical to the first. The documents
/// carry unknown properties and unknown discriminators, which the SDK must keep.
/// </summary>
public class ModelRoundTripProperties
{
    private static Property RoundTrips(Arbitrary<ModelDocument> documents) => Prop.ForAll(documents, document =>
    {
        ModelCodec codec = ModelCodec.For(document.Type);
        object? first = codec.Read(document.Json);
        string written = codec.Write(first);
        string rewritten = codec.Write(codec.Read(written));

        JsonNode.DeepEquals(JsonNode.Parse(document.Json), JsonNode.Parse(written))
            .Should().BeTrue($"reading and writing a {document.Type.Name} must lose nothing.\nRead:    {document.Json}\nWritten: {written}");
        rewritten.Should().Be(written, "writing what was written must be stable");
    });

    [Property(MaxTest = 300)]
    public Property EveryModelType_RoundTrips() => RoundTrips(ModelDocument.Of(ModelJson.ModelTypes.ToArray()));

    [Property(MaxTest = 200)]
    public Property EveryPolymorphicFamily_RoundTrips() => RoundTrips(ModelDocument.Of(ModelJson.FamilyBases.ToArray()));

    [Property(MaxTest = 150)]
    public Property TrainingRecipesOfEveryAlgorithm_RoundTrip() => RoundTrips(ModelDocument.Of(typeof(TrainingConfiguration)));

    [Property(MaxTest = 150)]
    public Property RewardsIncludingNestedComposites_RoundTrip() =>
        RoundTrips(ModelDocument.Of(typeof(TrainingRewardConfiguration), typeof(TrainingCompositeRewardConfiguration)));

    [Property(MaxTest = 100)]
    public Property DistributionsAndNodeCollections_RoundTrip() => RoundTrips(ModelDocument.Of(typeof(DistributionConfiguration), typeof(NodeCollection)));

    [Property(MaxTest = 100)]
    public Property JobsAndJobProperties_RoundTrip() => RoundTrips(ModelDocument.Of(typeof(TrainingJob), typeof(JobCreate), typeof(JobProperties)));

    [Property(MaxTest = 150)]
    public Property FineTuningCreateOptionsMethodsAndGraders_RoundTrip() =>
        RoundTrips(ModelDocument.Of(typeof(FineTuningJobCreateOptions), typeof(FineTuningMethod), typeof(FineTuningGrader), typeof(FineTuningJob)));

    [Property(MaxTest = 100)]
    public Property IngestionJobsOfEveryKind_RoundTrip() => RoundTrips(ModelDocument.Of(typeof(IngestionJob), typeof(IngestionJobRun)));

    /// <summary>The generator itself: every known member of every family, and unknown members, come up.</summary>
    [Fact]
    public void TheGeneratorProducesEveryMemberOfEveryFamily()
    {
        ModelJson.FamilyBases.Should().HaveCount(ModelContexts.Families.Length);
        foreach (Type familyBase in ModelJson.FamilyBases)
        {
            var polymorphism = FoundryTrainingSerializer.Options.GetTypeInfo(familyBase).PolymorphismOptions!;
            string name = polymorphism.TypeDiscriminatorPropertyName;
            var seen = Gen.Sample(ModelJson.NodeFor(familyBase), 150, new Rnd(7UL), 10)
                .Select(node => node[name] is JsonValue value && value.TryGetValue(out string? kind) ? kind : "(none)")
                .ToHashSet();

            foreach (string known in polymorphism.DerivedTypes.Select(d => d.TypeDiscriminator).OfType<string>())
            {
                seen.Should().Contain(known, $"{familyBase.Name} documents should include '{known}'");
            }

            seen.Should().Contain(kind => kind.StartsWith("future_", StringComparison.Ordinal), $"{familyBase.Name} documents should include unknown kinds");
        }
    }
}
