using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Tests.Properties.Generators;

/// <summary>
/// Generates JSON documents that are valid for a model type of the SDK. The shape comes from the SDK's own
/// serialization metadata (wire names, property types, converters, polymorphic members), so every model and every
/// family member is covered without a hand-written generator per type, and a model added later is covered too.
/// Documents also carry what the SDK must keep without understanding it: unknown properties on every model, and
/// unknown, missing or non-string discriminators. Values are in the form the SDK writes (unix seconds, ISO 8601
/// durations, whole numbers for hyperparameters), so a lossless model writes the document back as it was read.
/// Explicit <c>null</c>s of typed properties are not generated: the SDK treats them as absent by design.
/// </summary>
internal static class ModelJson
{
    /// <summary>Below this depth objects get properties and collections get items; the generator always terminates.</summary>
    private const int MaxDepth = 5;

    private static JsonSerializerOptions Options => FoundryTrainingSerializer.Options;

    /// <summary>Every model type of the SDK that the serializer reads: concrete models, family bases and their members.</summary>
    public static IReadOnlyList<Type> ModelTypes { get; } = typeof(ExtensibleModel).Assembly.GetTypes()
        .Where(t => typeof(ExtensibleModel).IsAssignableFrom(t) && t != typeof(ExtensibleModel) && !t.IsGenericTypeDefinition)
        .Where(t => Options.TryGetTypeInfo(t, out _))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The polymorphic family bases of the SDK (types declared with <c>[JsonPolymorphic]</c>).</summary>
    public static IReadOnlyList<Type> FamilyBases { get; } = ModelTypes.Where(t => t.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is not null).ToArray();

    /// <summary>A document for <paramref name="type"/>: a family base picks any member, a member or an <c>Unknown*</c> type is generated as itself.</summary>
    public static Gen<string> DocumentFor(Type type) => NodeFor(type).Select(node => node.ToJsonString());

    /// <inheritdoc cref="DocumentFor"/>
    public static Gen<JsonNode> NodeFor(Type type)
    {
        if (FamilyBaseOf(type) is Type familyBase && familyBase != type)
        {
            JsonPolymorphismOptions polymorphism = Options.GetTypeInfo(familyBase).PolymorphismOptions!;
            JsonDerivedType member = polymorphism.DerivedTypes.Single(d => d.DerivedType == type);
            Gen<JsonNode?> document = member.TypeDiscriminator is string discriminator
                ? Member(type, polymorphism.TypeDiscriminatorPropertyName, JsonValue.Create(discriminator), 0)
                : UnknownMember(polymorphism, 0);
            return document.Select(n => n!);
        }

        return Value(type, null, 0).Select(n => n!);
    }

    /// <summary>The base of the polymorphic family <paramref name="type"/> belongs to, or null.</summary>
    public static Type? FamilyBaseOf(Type type)
    {
        for (Type? current = type; current is not null && current != typeof(ExtensibleModel); current = current.BaseType)
        {
            if (current.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is not null)
            {
                return current;
            }
        }

        return null;
    }

    private static Gen<JsonNode?> Value(Type type, Type? converterType, int depth, bool property = false)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (converterType == typeof(UnixTimestampConverter))
        {
            return Timestamp;
        }

        if (converterType == typeof(Iso8601DurationConverter))
        {
            return Duration;
        }

        if (converterType == typeof(DateOnlyConverter))
        {
            return Date;
        }

        if (type == typeof(string))
        {
            return Text.Select(s => (JsonNode?)JsonValue.Create(s));
        }

        if (type == typeof(bool))
        {
            return Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b));
        }

        if (type == typeof(int))
        {
            return Int32.Select(i => (JsonNode?)JsonValue.Create(i));
        }

        if (type == typeof(long))
        {
            return Int64.Select(i => (JsonNode?)JsonValue.Create(i));
        }

        if (type == typeof(double))
        {
            return Double.Select(d => (JsonNode?)JsonValue.Create(d));
        }

        if (type == typeof(float))
        {
            return Double.Select(d => (JsonNode?)JsonValue.Create((float)d));
        }

        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            // A typed property holding JSON null is written as absent (by design); items and map values keep their nulls.
            return property ? AnyJson(depth).Where(node => node is not null) : AnyJson(depth);
        }

        if (type == typeof(Uri))
        {
            return Identifier.Select(s => (JsonNode?)JsonValue.Create($"https://{s}.example.com/data/{s}.jsonl?sv=2024&sig=s3cr3t"));
        }

        if (type == typeof(FineTuningHyperparameterValue))
        {
            return Gen.OneOf(
                Gen.Constant((JsonNode?)JsonValue.Create("auto")),
                Gen.Choose(-1, 512).Select(i => (JsonNode?)JsonValue.Create(i)),
                Gen.Choose(1, 100_000).Select(i => (JsonNode?)JsonValue.Create(i / 1000d + 0.0005)),
                Identifier.Select(s => (JsonNode?)JsonValue.Create("future_" + s)));
        }

        JsonTypeInfo info = Options.GetTypeInfo(type);
        if (IsOpenEnum(info))
        {
            return OpenEnum(type);
        }

        if (info.PolymorphismOptions is JsonPolymorphismOptions polymorphism)
        {
            return Polymorphic(polymorphism, depth);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => Object(info, depth),
            JsonTypeInfoKind.Enumerable => Gen.Choose(0, depth < MaxDepth ? 3 : 0)
                .SelectMany(n => Gen.ListOf(Value(info.ElementType!, null, depth + 1), n))
                .Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            JsonTypeInfoKind.Dictionary => Gen.Choose(0, depth < MaxDepth ? 3 : 0)
                .SelectMany(n => Gen.ListOf(Gen.Zip(Text, Value(info.ElementType!, null, depth + 1)), n))
                .Select(entries => (JsonNode?)ToObject(entries.DistinctBy(e => e.Item1).Select(e => (e.Item1, e.Item2)))),
            _ => throw new NotSupportedException($"No generator for {type} ({info.Kind}): teach ModelJson about it."),
        };
    }

    private static bool IsOpenEnum(JsonTypeInfo info)
    {
        for (Type? converter = info.Converter.GetType(); converter is not null; converter = converter.BaseType)
        {
            if (converter.IsGenericType && converter.GetGenericTypeDefinition() == typeof(OpenEnumConverter<>))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A known value (the struct's static properties) or a value newer than the SDK.</summary>
    private static Gen<JsonNode?> OpenEnum(Type type)
    {
        string[] known = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => p.GetValue(null)!.ToString()!)
            .ToArray();
        Gen<string> future = Identifier.Select(s => "future_" + s);
        Gen<string> value = known.Length == 0 ? future : Gen.Frequency((4, Gen.Elements(known)), (1, future));
        return value.Select(s => (JsonNode?)JsonValue.Create(s));
    }

    private static Gen<JsonNode?> Polymorphic(JsonPolymorphismOptions polymorphism, int depth)
    {
        JsonDerivedType[] known = polymorphism.DerivedTypes.Where(d => d.TypeDiscriminator is string).ToArray();
        Gen<JsonNode?> member = Gen.Elements(known).SelectMany(d =>
            Member(d.DerivedType, polymorphism.TypeDiscriminatorPropertyName, JsonValue.Create((string)d.TypeDiscriminator!), depth));
        return Gen.Frequency((4 * known.Length, member), (2, UnknownMember(polymorphism, depth)));
    }

    /// <summary>
    /// A member the SDK does not know: a future kind (shaped like a known one, so typed base properties are exercised),
    /// or a missing or non-string discriminator. It must be read as the family's <c>Unknown*</c> type and written back unchanged.
    /// </summary>
    private static Gen<JsonNode?> UnknownMember(JsonPolymorphismOptions polymorphism, int depth)
    {
        JsonDerivedType[] known = polymorphism.DerivedTypes.Where(d => d.TypeDiscriminator is string).ToArray();
        Gen<JsonNode?> discriminator = Gen.Frequency(
            (6, Identifier.Select(s => (JsonNode?)JsonValue.Create("future_" + s))),
            (1, Gen.Constant<JsonNode?>(null)),
            (1, Gen.Constant<JsonNode?>(JsonValue.Create(42))),
            (1, Gen.Constant<JsonNode?>(new JsonObject { ["nested"] = "kind" })));
        return Gen.Zip(Gen.Elements(known), discriminator)
            .SelectMany(pair => Member(pair.Item1.DerivedType, polymorphism.TypeDiscriminatorPropertyName, pair.Item2, depth, omitDiscriminator: pair.Item2 is null));
    }

    private static string? KnownDiscriminatorOf(Type memberType) =>
        FamilyBaseOf(memberType) is Type familyBase
            ? Options.GetTypeInfo(familyBase).PolymorphismOptions!.DerivedTypes.Single(d => d.DerivedType == memberType).TypeDiscriminator as string
            : null;

    /// <summary>An object of <paramref name="memberType"/> with its discriminator at a random position.</summary>
    private static Gen<JsonNode?> Member(Type memberType, string discriminatorName, JsonNode? discriminator, int depth, bool omitDiscriminator = false) =>
        ObjectProperties(Options.GetTypeInfo(memberType), depth, reserved: discriminatorName, KnownDiscriminatorOf(memberType)).SelectMany(properties =>
        {
            if (omitDiscriminator)
            {
                return Gen.Shuffle(properties).Select(p => (JsonNode?)ToObject(p));
            }

            return Gen.Shuffle(properties.Append((discriminatorName, discriminator?.DeepClone())).ToArray()).Select(p => (JsonNode?)ToObject(p));
        });

    private static Gen<JsonNode?> Object(JsonTypeInfo info, int depth) =>
        ObjectProperties(info, depth, reserved: null).SelectMany(p => Gen.Shuffle(p)).Select(p => (JsonNode?)ToObject(p));

    /// <summary>Some of the type's properties, plus unknown ones when the type keeps extension data.</summary>
    private static Gen<(string Name, JsonNode? Value)[]> ObjectProperties(JsonTypeInfo info, int depth, string? reserved, string? discriminator = null)
    {
        IReadOnlySet<string> required = AlwaysWritten(info.Type, reserved, discriminator);
        var known = new List<Gen<(string, JsonNode?)?>>();
        // [JsonIgnore] properties are listed too, without accessors.
        foreach (JsonPropertyInfo property in info.Properties.Where(p => !p.IsExtensionData && (p.Get is not null || p.Set is not null)))
        {
            (Type type, Type? converter) = ValueTypeOf(property);
            bool leaf = IsLeaf(type, converter);
            if (!leaf && depth >= MaxDepth)
            {
                continue;
            }

            Gen<JsonNode?> value;
            try
            {
                value = Value(type, converter, depth + 1, property: true);
            }
            catch (NotSupportedException ex)
            {
                throw new NotSupportedException($"{info.Type.Name}.{property.Name}: {ex.Message}", ex);
            }

            Gen<(string, JsonNode?)?> present = value.Select(v => ((string, JsonNode?)?)(property.Name, v));
            known.Add(required.Contains(property.Name) ? present : Gen.Frequency((2, Gen.Constant<(string, JsonNode?)?>(null)), (3, present)));
        }

        Gen<(string, JsonNode?)[]> typed = Gen.CollectToArray(known).Select(ps => ps.Where(p => p is not null).Select(p => p!.Value).ToArray());
        if (!info.Properties.Any(p => p.IsExtensionData))
        {
            return typed;
        }

        var names = new HashSet<string>(info.Properties.Select(p => p.Name), StringComparer.Ordinal);
        if (reserved is not null)
        {
            names.Add(reserved);
        }

        Gen<(string, JsonNode?)[]> unknown = Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Gen.Zip(Identifier.Select(s => "x_" + s), AnyJson(depth + 1)), n))
            .Select(ps => ps.Where(p => !names.Contains(p.Item1)).DistinctBy(p => p.Item1).Select(p => (p.Item1, p.Item2)).ToArray());
        return Gen.Zip(typed, unknown).Select(pair => pair.Item1.Concat(pair.Item2).ToArray());
    }

    /// <summary>
    /// The properties the SDK writes even for an empty document: required values (<c>int Rank</c>) and required lists
    /// (pre-created, written even when empty). A valid document has them, or reading and writing would add them.
    /// </summary>
    private static IReadOnlySet<string> AlwaysWritten(Type type, string? discriminatorName, string? discriminator) =>
        s_alwaysWritten.GetOrAdd(type, t =>
        {
            string empty = discriminatorName is null || discriminator is null ? "{}" : new JsonObject { [discriminatorName] = discriminator }.ToJsonString();
            ModelCodec codec = ModelCodec.For(t);
            JsonObject written = JsonNode.Parse(codec.Write(codec.Read(empty)))!.AsObject();
            return written.Select(p => p.Key).Where(name => name != discriminatorName).ToHashSet(StringComparer.Ordinal);
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlySet<string>> s_alwaysWritten = new();

    private static bool IsLeaf(Type type, Type? converter)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return converter is not null || type.IsPrimitive || type == typeof(string) || (type.IsValueType && type != typeof(JsonElement));
    }

    /// <summary>The <c>[JsonConverter]</c> on the CLR property behind a JSON property.</summary>
    private static Type? ConverterTypeOf(JsonPropertyInfo property) =>
        (property.AttributeProvider as MemberInfo)?.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;

    /// <summary>The type of the property's JSON value: a deferred model (parsed on first read) holds the model's JSON.</summary>
    private static (Type Type, Type? Converter) ValueTypeOf(JsonPropertyInfo property)
    {
        Type? converter = ConverterTypeOf(property);
        return converter is { IsGenericType: true } && converter.GetGenericTypeDefinition() == typeof(DeferredModelConverter<>)
            ? (converter.GetGenericArguments()[0], null)
            : (property.PropertyType, converter);
    }

    private static JsonObject ToObject(IEnumerable<(string Name, JsonNode? Value)> properties)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in properties)
        {
            result[name] = value?.DeepClone(); // generated nodes may be shared (constants)
        }

        return result;
    }

    /// <summary>Any JSON value: what extension data, <c>JsonElement</c> and free-form maps hold.</summary>
    public static Gen<JsonNode?> AnyJson(int depth)
    {
        Gen<JsonNode?> scalar = Gen.OneOf(
            Text.Select(s => (JsonNode?)JsonValue.Create(s)),
            Int64.Select(i => (JsonNode?)JsonValue.Create(i)),
            Double.Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Constant<JsonNode?>(null));
        if (depth >= MaxDepth)
        {
            return scalar;
        }

        Gen<JsonNode?> array = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(AnyJson(depth + 1), n)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
        Gen<JsonNode?> obj = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Gen.Zip(Text, AnyJson(depth + 1)), n))
            .Select(entries => (JsonNode?)ToObject(entries.DistinctBy(e => e.Item1).Select(e => (e.Item1, e.Item2))));
        return Gen.Frequency((6, scalar), (1, array), (1, obj));
    }

    /// <summary>Strings with what JSON must escape (quotes, backslashes, control characters), non-ASCII text and surrogate pairs.</summary>
    public static Gen<string> Text { get; } = Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Gen.Frequency(
            (10, Gen.Elements("a", "b", "z", "A", "0", "9", "_", "-", ".", " ", "/")),
            (2, Gen.Elements("\"", "\\", "\n", "\t", "\u0001", "\u007f", "<", ">", "&", "'", "+")),
            (2, Gen.Elements("é", "ß", "中", "ж", "\u2028", "\uFEFF", "😀", "𝄞"))), n))
        .Select(units => string.Concat(units));

    public static Gen<string> Identifier { get; } = Gen.Choose(1, 10)
        .SelectMany(n => Gen.ListOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_".ToCharArray()), n))
        .Select(chars => new string(chars.ToArray()));

    private static Gen<int> Int32 { get; } = Gen.Frequency((3, Gen.Choose(-10, 1000)), (1, Gen.Elements(0, 1, -1, int.MaxValue, int.MinValue)), (1, Gen.Choose(int.MinValue, int.MaxValue)));

    private static Gen<long> Int64 { get; } = Gen.Frequency(
        (4, Int32.Select(i => (long)i)),
        (1, Gen.Elements(long.MaxValue, long.MinValue, 9_007_199_254_740_993L)),
        (1, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(p => ((long)p.Item1 << 32) | (uint)p.Item2)));

    /// <summary>Finite doubles: small fractions, integers and arbitrary bit patterns (every finite double round-trips through "R").</summary>
    private static Gen<double> Double { get; } = Gen.Frequency(
        (3, Gen.Choose(-100_000, 100_000).Select(i => i / 1000d)),
        (1, Int32.Select(i => (double)i)),
        (1, Gen.Elements(0d, -0d, double.Epsilon, double.MaxValue, double.MinValue, 1e-300, 0.1, 1e21)),
        (1, Int64.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)));

    /// <summary>A value that is no timestamp, duration or date at all: it reads null and must come back unchanged.</summary>
    private static Gen<JsonNode?> Unreadable { get; } = Gen.Elements<Func<JsonNode?>>(
        () => JsonValue.Create("not a value"), () => JsonValue.Create(true), () => new JsonArray(1, "x"), () => new JsonObject { ["n"] = null })
        .Select(create => create());

    /// <summary>Whole unix seconds, as every spec says (fractional seconds are read but written truncated: JsonConverterTests).</summary>
    private static Gen<JsonNode?> Timestamp { get; } = Gen.Frequency(
        (9, Gen.Choose(0, int.MaxValue).Select(s => (JsonNode?)JsonValue.Create((long)s))),
        (1, Unreadable));

    private static Gen<JsonNode?> Duration { get; } = Gen.Frequency(
        (9, Gen.Zip(Gen.Choose(0, 10_000_000), Gen.Choose(0, 999))
            .Select(p => (JsonNode?)JsonValue.Create(XmlConvert.ToString(TimeSpan.FromSeconds(p.Item1) + TimeSpan.FromMilliseconds(p.Item2))))),
        (1, Unreadable));

    private static Gen<JsonNode?> Date { get; } = Gen.Frequency(
        (9, Gen.Choose(0, 60_000)
            .Select(days => (JsonNode?)JsonValue.Create(new DateTime(1970, 1, 1).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
        (1, Unreadable));
}
