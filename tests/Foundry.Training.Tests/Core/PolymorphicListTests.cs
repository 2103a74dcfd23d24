using System.Text.Json;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

/// <summary>List pages and other places that use a family base's metadata directly tolerate unknown discriminators too.</summary>
public class PolymorphicListTests
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
}
