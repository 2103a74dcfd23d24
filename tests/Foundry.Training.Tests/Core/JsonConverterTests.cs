using System.Text.Json;
using System.Text.Json.Serialization;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Core;

public class JsonConverterTests
{
    private static readonly JsonSerializerOptions s_options = ModelSerialization.CreateOptions(
        new ModelJsonResolver(TestJsonContext.Default, new IPolymorphicFamily[] { new PolymorphicFamily<TestShape, UnknownTestShape>() }));

    private static T Read<T>(string json) => ModelSerialization.Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json), s_options)!;

    private static string Write<T>(T value) => System.Text.Encoding.UTF8.GetString(ModelSerialization.SerializeToUtf8Bytes(value, s_options));

    private static TestColor ReadWith(TestColor.Converter converter, string json) => ReadWith(converter, System.Text.Encoding.UTF8.GetBytes(json));

    private static TestColor ReadWith(TestColor.Converter converter, byte[] utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        return converter.Read(ref reader, typeof(TestColor), s_options);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1577882096", 1577882096L)]
    [InlineData("-1", -1L)]
    [InlineData("253402300799", 253402300799L)]
    [InlineData("\"1577882096\"", 1577882096L)]
    public void UnixTimestamp_ReadsWholeSeconds(string json, long expected)
    {
        Read<TimeHolder>($$"""{"at":{{json}}}""").At!.Value.ToUnixTimeSeconds().Should().Be(expected);
    }

    [Fact]
    public void UnixTimestamp_ReadsFractionalSeconds_WritesWholeSeconds()
    {
        // Every spec says integer seconds: sub-second precision is read when a server sends it, but not written.
        TimeHolder holder = Read<TimeHolder>("""{"at":1577882096.25}""");
        holder.At!.Value.ToUnixTimeMilliseconds().Should().Be(1577882096250);
        Write(holder).Should().Be("""{"at":1577882096}""");
    }

    [Fact]
    public void UnixTimestamp_ReadsIso8601Leniently()
    {
        Read<TimeHolder>("""{"at":"2020-01-01T12:34:56Z"}""").At.Should().Be(new DateTimeOffset(2020, 1, 1, 12, 34, 56, TimeSpan.Zero));
    }

    [Fact]
    public void UnixTimestamp_NullAndAbsentStayNull()
    {
        Read<TimeHolder>("""{"at":null}""").At.Should().BeNull();
        Read<TimeHolder>("{}").At.Should().BeNull();
        Write(new TimeHolder()).Should().Be("{}");
    }

    [Theory]
    [InlineData("253402300800")]
    [InlineData("1e300")]
    [InlineData("\"yesterday\"")]
    [InlineData("true")]
    [InlineData("-62135596801")]
    [InlineData("-1e300")]
    [InlineData("\"-62135596801\"")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("{\"seconds\":[1,{\"x\":null}]}")]
    public void UnixTimestamp_OutOfRangeOrGarbage_ReadsNull_AndKeepsTheRawValue(string json)
    {
        TimeHolder holder = Read<TimeHolder>($$"""{"at":{{json}},"other":1}""");

        holder.At.Should().BeNull();
        JsonAssert.Equivalent(json, holder.AdditionalProperties["at"].GetRawText());
        JsonAssert.Equivalent($$"""{"at":{{json}},"other":1}""", Write(holder));
    }

    [Theory]
    [InlineData("253402300800")]
    [InlineData("\"yesterday\"")]
    [InlineData("[1]")]
    public void UnixTimestamp_AloneOutsideTheSdkOptions_RejectsGarbage(string json)
    {
        // Without the SDK's resolver there is no model to keep the value in: the converter stays strict.
        var options = new JsonSerializerOptions { TypeInfoResolver = TestJsonContext.Default };
        Action read = () => JsonSerializer.Deserialize<TimeHolder>($$"""{"at":{{json}}}""", options);
        read.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("PT2H30M", 150 * 60)]
    [InlineData("P1DT1S", 86401)]
    [InlineData("PT0S", 0)]
    [InlineData("PT0.5S", 0.5)]
    public void Duration_RoundTripsIso8601(string text, double seconds)
    {
        DurationHolder holder = Read<DurationHolder>($$"""{"timeout":"{{text}}"}""");
        holder.Timeout.Should().Be(TimeSpan.FromSeconds(seconds));
        Read<DurationHolder>(Write(holder)).Timeout.Should().Be(holder.Timeout);
    }

    [Theory]
    [InlineData("\"2h\"")]
    [InlineData("7200")]
    [InlineData("\"\"")]
    [InlineData("\"P\"")]
    [InlineData("\"PT\"")]
    [InlineData("\"P1H\"")]
    [InlineData("\"1 day\"")]
    [InlineData("\"p1d\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Duration_NotIso8601_ReadsNull_AndKeepsTheRawValue(string json)
    {
        DurationHolder holder = Read<DurationHolder>($$"""{"timeout":{{json}}}""");

        holder.Timeout.Should().BeNull();
        JsonAssert.Equivalent(json, holder.AdditionalProperties["timeout"].GetRawText());
        JsonAssert.Equivalent($$"""{"timeout":{{json}}}""", Write(holder));
    }

    [Theory]
    [InlineData("\"2h\"")]
    [InlineData("7200")]
    public void Duration_AloneOutsideTheSdkOptions_RejectsNonIso(string json)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = TestJsonContext.Default };
        Action read = () => JsonSerializer.Deserialize<DurationHolder>($$"""{"timeout":{{json}}}""", options);
        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void UnreadableValue_TheSamePropertyTwice_TheReadableOneWins()
    {
        TimeHolder holder = Read<TimeHolder>("""{"at":"soon","at":5}""");

        holder.At.Should().Be(DateTimeOffset.FromUnixTimeSeconds(5));
        holder.AdditionalProperties.Should().BeEmpty();
        Write(holder).Should().Be("""{"at":5}""");
    }

    [Fact]
    public void UnreadableValue_AfterAFailedRead_DoesNotLeakIntoTheNextModel()
    {
        Action broken = () => Read<TimeHolder>("""{"at":"soon","other":[""");
        broken.Should().Throw<JsonException>();

        TimeHolder next = Read<TimeHolder>("""{"at":7}""");
        next.At.Should().Be(DateTimeOffset.FromUnixTimeSeconds(7));
        next.AdditionalProperties.Should().BeEmpty();
    }

    [Theory]
    [InlineData("-62135596800", "0001-01-01T00:00:00+00:00")]
    [InlineData("253402300799", "9999-12-31T23:59:59+00:00")]
    [InlineData("-86400", "1969-12-31T00:00:00+00:00")]
    public void UnixTimestamp_AcceptsTheWholeDateTimeOffsetRangeAndWritesItBack(string seconds, string expected)
    {
        TimeHolder holder = Read<TimeHolder>($$"""{"at":{{seconds}}}""");

        holder.At.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        JsonAssert.Equivalent($$"""{"at":{{seconds}}}""", Write(holder));
    }

    [Fact]
    public void UnixTimestamp_NegativeFractionalSeconds_WriteTheWholeSecondBefore()
    {
        TimeHolder holder = Read<TimeHolder>("""{"at":-1.5}""");

        holder.At!.Value.ToUnixTimeMilliseconds().Should().Be(-1500);
        Write(holder).Should().Be("""{"at":-2}""");
    }

    [Fact]
    public void UnixTimestamp_WritesMillisecondsTruncatedToTheSecond() =>
        Write(new TimeHolder { At = DateTimeOffset.FromUnixTimeMilliseconds(1796253293417) }).Should().Be("""{"at":1796253293}""");

    [Fact]
    public void UnixTimestamp_WritesWholeSecondsForWholeValues() =>
        Write(new TimeHolder { At = new DateTimeOffset(2020, 1, 1, 12, 34, 56, TimeSpan.FromHours(2)) }).Should().Be("""{"at":1577874896}""");

    [Theory]
    [InlineData("P1DT2H", 26 * 3600)]
    [InlineData("PT36H", 36 * 3600)]
    [InlineData("PT90M", 90 * 60)]
    [InlineData("P2D", 2 * 86400)]
    [InlineData("-PT1H", -3600)]
    public void Duration_ReadsTheIso8601Forms(string text, double seconds) =>
        Read<DurationHolder>($$"""{"timeout":"{{text}}"}""").Timeout.Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(26 * 3600, "P1DT2H")]
    [InlineData(0, "PT0S")]
    [InlineData(150 * 60, "PT2H30M")]
    [InlineData(1.5, "PT1.5S")]
    [InlineData(-3600, "-PT1H")]
    public void Duration_WritesCanonicalIso8601(double seconds, string expected) =>
        Write(new DurationHolder { Timeout = TimeSpan.FromSeconds(seconds) }).Should().Be($$"""{"timeout":"{{expected}}"}""");

    [Fact]
    public void Duration_NullAndAbsentStayNull()
    {
        Read<DurationHolder>("""{"timeout":null}""").Timeout.Should().BeNull();
        Read<DurationHolder>("{}").Timeout.Should().BeNull();
        Write(new DurationHolder()).Should().Be("{}");
    }

    [Fact]
    public void OpenEnum_AcceptsAndKeepsAnyValue()
    {
        ColorHolder holder = Read<ColorHolder>("""{"color":"Ultra-Violet"}""");
        holder.Color.ToString().Should().Be("Ultra-Violet");
        holder.Color.Should().NotBe(TestColor.Red);
        JsonAssert.Equivalent("""{"color":"Ultra-Violet"}""", Write(holder));
    }

    [Fact]
    public void OpenEnum_IsCaseSensitiveAndHasValueEquality()
    {
        TestColor red = "red";
        red.Should().Be(TestColor.Red);
        (red == TestColor.Red).Should().BeTrue();
        ((TestColor)"RED" == TestColor.Red).Should().BeFalse();
        red.GetHashCode().Should().Be(TestColor.Red.GetHashCode());
    }

    [Fact]
    public void OpenEnum_ReadsTheSameValueAgain_AsTheSameValue_EscapedOrNot()
    {
        var converter = new TestColor.Converter();

        TestColor first = ReadWith(converter, "\"red\"");
        TestColor again = ReadWith(converter, "\"red\"");
        TestColor escaped = ReadWith(converter, "\"r\\u0065d\"");

        first.Should().Be(TestColor.Red);
        again.Should().Be(TestColor.Red);
        escaped.Should().Be(TestColor.Red);
        ReadWith(converter, "\"Red\"").ToString().Should().Be("Red", "values are case-sensitive, a remembered \"red\" is no match");
    }

    [Fact]
    public void OpenEnum_KeepsReadingEveryValue_BeyondThoseItRemembers()
    {
        var converter = new TestColor.Converter();
        string[] values = Enumerable.Range(0, (OpenEnumConverter<TestColor>.MaxRemembered * 2) + 3).Select(i => "color-" + i).ToArray();

        foreach (string value in values.Concat(values).Concat(new[] { "red", "ré", "color-0" }))
        {
            ReadWith(converter, JsonSerializer.Serialize(value)).ToString().Should().Be(value);
        }
    }

    [Fact]
    public void OpenEnum_AValueThatIsNotUtf8_FailsEveryTime()
    {
        var converter = new TestColor.Converter();
        byte[] invalid = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        for (int i = 0; i < 2; i++)
        {
            ((Action)(() => ReadWith(converter, invalid))).Should().Throw<InvalidOperationException>();
        }
    }

    [Fact]
    public void OpenEnum_RejectsNonString() =>
        ((Action)(() => Read<ColorHolder>("""{"color":3}"""))).Should().Throw<JsonException>();

    [Fact]
    public void ExtensionData_RoundTripsUnknownProperties()
    {
        const string json = """{"color":"red","future":{"nested":[1,2,{"x":null}]},"flag":true,"n":1.5e10}""";
        ColorHolder holder = Read<ColorHolder>(json);
        holder.AdditionalProperties.Keys.Should().BeEquivalentTo("future", "flag", "n");
        JsonAssert.Equivalent(json, Write(holder));
    }

    [Theory]
    [InlineData("""{"kind":"circle","radius":2,"extra":"x"}""")]
    [InlineData("""{"radius":2,"extra":"x","kind":"circle"}""")]
    public void Polymorphic_KnownDiscriminatorAnywhereInTheObject(string json)
    {
        TestShape shape = Read<TestShape>(json);
        shape.Should().BeOfType<CircleShape>().Which.Radius.Should().Be(2);
        shape.Kind.Should().Be("circle");
        JsonAssert.Equivalent(json, Write(shape));
    }

    [Theory]
    [InlineData("""{"kind":"hexagon","sides":6,"name":"h"}""", "hexagon")]
    [InlineData("""{"sides":6,"name":"h","kind":"hexagon"}""", "hexagon")]
    [InlineData("""{"name":"h","sides":6}""", null)]
    [InlineData("""{"kind":42,"name":"h"}""", null)]
    [InlineData("""{"kind":null,"name":"h"}""", null)]
    public void Polymorphic_UnknownMissingOrOddDiscriminatorFallsBackLosslessly(string json, string? kind)
    {
        TestShape shape = Read<TestShape>(json);
        shape.Should().BeOfType<UnknownTestShape>();
        shape.Kind.Should().Be(kind);
        shape.Name.Should().Be("h");
        JsonAssert.Equivalent(json, Write(shape));
    }

    [Fact]
    public void Polymorphic_NestedUnknownInsideKnownRoundTrips()
    {
        const string json = """{"kind":"group","name":"g","members":[{"shape":{"kind":"circle","radius":1}},{"shape":{"kind":"star","points":5}}],"main":{"kind":"blob"}}""";
        var group = Read<TestShape>(json).Should().BeOfType<GroupShape>().Subject;
        group.Members[0].Shape.Should().BeOfType<CircleShape>();
        group.Members[1].Shape.Should().BeOfType<UnknownTestShape>().Which.Kind.Should().Be("star");
        group.Main.Should().BeOfType<UnknownTestShape>();
        JsonAssert.Equivalent(json, Write(group));
    }

    [Fact]
    public void Polymorphic_WritesDiscriminatorForUserCreatedModels()
    {
        JsonAssert.Equivalent("""{"kind":"circle","radius":3}""", Write<TestShape>(new CircleShape { Radius = 3 }));
        JsonAssert.Equivalent("""{"kind":"circle","radius":3}""", Write(new CircleShape { Radius = 3 }));
        JsonAssert.Equivalent("""{"shape":{"kind":"circle","radius":3}}""", Write(new ShapeHolder { Shape = new CircleShape { Radius = 3 } }));
    }

    [Fact]
    public void Polymorphic_NonObjectIsAJsonException() =>
        ((Action)(() => Read<ShapeHolder>("""{"shape":[1]}"""))).Should().Throw<JsonException>();
}

public sealed class TimeHolder : ExtensibleModel
{
    [JsonPropertyName("at")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? At { get; set; }
}

public sealed class DurationHolder : ExtensibleModel
{
    [JsonPropertyName("timeout")]
    [JsonConverter(typeof(Iso8601DurationConverter))]
    public TimeSpan? Timeout { get; set; }
}

[JsonConverter(typeof(Converter))]
public readonly struct TestColor : IEquatable<TestColor>
{
    private readonly string _value;

    public TestColor(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    public static TestColor Red { get; } = new("red");

    public static implicit operator TestColor(string value) => new(value);

    public static bool operator ==(TestColor left, TestColor right) => left.Equals(right);

    public static bool operator !=(TestColor left, TestColor right) => !left.Equals(right);

    public bool Equals(TestColor other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TestColor other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TestColor>
    {
        protected override TestColor Create(string value) => new(value);
    }
}

public sealed class ColorHolder : ExtensibleModel
{
    [JsonPropertyName("color")]
    public TestColor Color { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CircleShape), "circle")]
[JsonDerivedType(typeof(GroupShape), "group")]
[JsonDerivedType(typeof(UnknownTestShape))]
public abstract class TestShape : ExtensibleModel
{
    [JsonIgnore]
    public string? Kind => KindValue;

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    private protected abstract string? KindValue { get; }
}

public sealed class CircleShape : TestShape
{
    [JsonPropertyName("radius")]
    public double Radius { get; set; }

    private protected override string KindValue => "circle";
}

public sealed class GroupShape : TestShape
{
    [JsonPropertyName("members")]
    public IList<ShapeHolder> Members { get; set; } = new List<ShapeHolder>();

    [JsonPropertyName("main")]
    public TestShape? Main { get; set; }

    private protected override string KindValue => "group";
}

public sealed class UnknownTestShape : TestShape
{
    private protected override string? KindValue =>
        AdditionalProperties.TryGetValue("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
}

public sealed class ShapeHolder : ExtensibleModel
{
    [JsonPropertyName("shape")]
    public TestShape? Shape { get; set; }
}

[JsonSerializable(typeof(TimeHolder))]
[JsonSerializable(typeof(DurationHolder))]
[JsonSerializable(typeof(ColorHolder))]
[JsonSerializable(typeof(TestShape))]
[JsonSerializable(typeof(UnknownTestShape))]
[JsonSerializable(typeof(ShapeHolder))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
