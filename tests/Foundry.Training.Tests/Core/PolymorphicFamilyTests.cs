using System.Text.Json;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// Polymorphic families beyond properties: list pages and other users of a base's metadata tolerate unknown
/// discriminators, and a document read directly as a member type does not write its discriminator twice.
/// </summary>
public class PolymorphicFamilyTests
{
    private static readonly JsonSerializerOptions s_options = ModelSerialization.CreateOptions(
        new ModelJsonResolver(TestJsonContext.Default, new IPolymorphicFamily[] { new PolymorphicFamily<TestShape, UnknownTestShape>() }));

    [Fact]
    public void APageWithUnknownAndMissingDiscriminatorsIsRead()
    {
        var page = PageContent<TestShape>.Parse(
            """{"data":[{"kind":"circle","radius":1},{"kind":"hexagon","sides":6},{"name":"no kind"}],"has_more":false}"""u8,
            ModelSerialization.GetTypeInfo<TestShape>(s_options));

        page.Items.Select(i => i.GetType()).Should().Equal(typeof(CircleShape), typeof(UnknownTestShape), typeof(UnknownTestShape));
        page.Items[1].Kind.Should().Be("hexagon");
    }

    [Fact]
    public void TheFamilyMetadataWritesLikeTheBase()
    {
        var info = ModelSerialization.GetTypeInfo<TestShape>(s_options);

        JsonAssert.Equivalent("""{"kind":"circle","radius":2}""", JsonSerializer.Serialize<TestShape>(new CircleShape { Radius = 2 }, info));
        JsonAssert.Equivalent("""{"kind":"star","points":5}""", JsonSerializer.Serialize(JsonSerializer.Deserialize("""{"kind":"star","points":5}""", info)!, info));
        ModelSerialization.GetTypeInfo<TestShape>(s_options).Should().BeSameAs(info);
    }

    [Fact]
    public void OtherTypesKeepTheirNativeMetadata() =>
        ModelSerialization.GetTypeInfo<ShapeHolder>(s_options).Should().BeSameAs(s_options.GetTypeInfo(typeof(ShapeHolder)));

    [Theory]
    [InlineData("""{"kind":"circle","radius":2}""")]
    [InlineData("""{"radius":2,"kind":"circle","name":"c"}""")]
    [InlineData("""{"radius":2}""")]
    public void AMemberReadAsItsOwnTypeWritesItsDiscriminatorOnce(string json)
    {
        CircleShape circle = ModelSerialization.Deserialize<CircleShape>(System.Text.Encoding.UTF8.GetBytes(json), s_options)!;

        circle.AdditionalProperties.Should().NotContainKey("kind");
        string written = System.Text.Encoding.UTF8.GetString(ModelSerialization.SerializeToUtf8Bytes(circle, s_options));
        JsonAssert.Equivalent(json.Contains("kind") ? json : """{"kind":"circle","radius":2}""", written);
        written.Split("\"kind\"").Should().HaveCount(2);
    }

    [Theory]
    [InlineData("""{"kind":"group","radius":2}""")]
    [InlineData("""{"kind":7,"radius":2}""")]
    public void AMemberReadAsItsOwnTypeRejectsADocumentOfAnotherKind(string json) =>
        ((Action)(() => ModelSerialization.Deserialize<CircleShape>(System.Text.Encoding.UTF8.GetBytes(json), s_options)))
            .Should().Throw<JsonException>().WithMessage("*CircleShape*");

    [Fact]
    public void AnUnknownMemberReadAsItsOwnTypeKeepsItsDiscriminator()
    {
        UnknownTestShape shape = ModelSerialization.Deserialize<UnknownTestShape>("""{"kind":"star","points":5}"""u8, s_options)!;

        shape.Kind.Should().Be("star");
        JsonAssert.Equivalent("""{"kind":"star","points":5}""", System.Text.Encoding.UTF8.GetString(ModelSerialization.SerializeToUtf8Bytes(shape, s_options)));
    }
}
