using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>The one <see cref="JsonSerializerOptions"/> instance the SDK reads and writes models with.</summary>
internal static class ModelSerialization
{
    private static readonly ModelJsonResolver s_resolver = new(
        JsonTypeInfoResolver.Combine(ModelContexts.All),
        ModelContexts.Families);

    public static JsonSerializerOptions Options { get; } = CreateOptions(s_resolver);

    /// <summary>Builds options over source-generated metadata; also used by tests with their own contexts.</summary>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver resolver)
    {
        JsonSerializerOptions options = Create(resolver, allowOutOfOrderMetadata: true);
        if (resolver is ModelJsonResolver model)
        {
            // Twin options for the common case of a discriminator written first (see ModelJsonResolver.ReadOptions).
            model.SetReadOptions(Create(resolver, allowOutOfOrderMetadata: false), options);
        }

        return options;
    }

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver, bool allowOutOfOrderMetadata)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = allowOutOfOrderMetadata,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            Converters = { new FiniteDoubleConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    public static JsonTypeInfo<T> GetTypeInfo<T>() => GetTypeInfo<T>(Options);

    /// <summary>
    /// Metadata to read and write <typeparamref name="T"/> with. For the base of a polymorphic family it goes through the
    /// family's converter: the native metadata rejects unknown discriminators, which would fail a whole list page.
    /// </summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions options) => ReadPlan<T>.For(options).TypeInfo;

    /// <summary>Reads a document whose root may itself be a polymorphic base (which then also tolerates unknown discriminators).</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options)
    {
        ReadPlan<T> plan = ReadPlan<T>.For(options);

        // A family root goes through the serializer's entry point too, which also turns the reader's own errors (a
        // lone surrogate escape, a number out of range) into JsonException.
        T? model = JsonSerializer.Deserialize(utf8Json, plan.TypeInfo);
        if (plan.MemberFamily is not null && model is ExtensibleModel member)
        {
            plan.MemberFamily.OnReadAsMember(member, options);
        }

        return model;
    }

    /// <summary>Reads the next JSON value of <paramref name="reader"/> as <see cref="Deserialize{T}(ReadOnlySpan{byte}, JsonSerializerOptions)"/> reads a document.</summary>
    public static T? Deserialize<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ReadPlan<T> plan = ReadPlan<T>.For(options);
        T? model = JsonSerializer.Deserialize(ref reader, plan.TypeInfo);
        if (plan.MemberFamily is not null && model is ExtensibleModel member)
        {
            plan.MemberFamily.OnReadAsMember(member, options);
        }

        return model;
    }

    /// <summary>Writes a model; a member of a polymorphic family is written through its base so it carries its discriminator.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonSerializerOptions options) =>
        FamilyBaseTypeInfo(value, options) is JsonTypeInfo baseInfo
            ? JsonSerializer.SerializeToUtf8Bytes(value, baseInfo)
            : JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo<T>(options));

    /// <summary>Writes a model to <paramref name="writer"/> as <see cref="SerializeToUtf8Bytes{T}(T, JsonSerializerOptions)"/> does.</summary>
    public static void Serialize<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (FamilyBaseTypeInfo(value, options) is JsonTypeInfo baseInfo)
        {
            JsonSerializer.Serialize(writer, value, baseInfo);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, GetTypeInfo<T>(options));
        }
    }

    /// <summary>The metadata of the family's base when <typeparamref name="T"/> is a polymorphic family's base or member, else null.</summary>
    private static JsonTypeInfo? FamilyBaseTypeInfo<T>(T value, JsonSerializerOptions options) =>
        value is not null && options.TypeInfoResolver is ModelJsonResolver resolver && resolver.TryGetFamilyOf(typeof(T), out IPolymorphicFamily? family)
            ? options.GetTypeInfo(family.BaseType)
            : null;

    /// <summary>
    /// How to read a <typeparamref name="T"/> with one options instance, worked out once rather than on every response:
    /// its metadata (the family's converter for a family base) and, for a family member, the family to fix it up with.
    /// </summary>
    private sealed class ReadPlan<T>
    {
        // The plan for the options used last: the SDK's own options nearly always (tests bring their own).
        private static ReadPlan<T>? s_last;

        private ReadPlan(JsonSerializerOptions options, JsonTypeInfo<T> typeInfo, IPolymorphicFamily? memberFamily)
        {
            Options = options;
            TypeInfo = typeInfo;
            MemberFamily = memberFamily;
        }

        public JsonSerializerOptions Options { get; }

        public JsonTypeInfo<T> TypeInfo { get; }

        /// <summary>Set when <typeparamref name="T"/> derives from a family's base (a document read as the member itself).</summary>
        public IPolymorphicFamily? MemberFamily { get; }

        public static ReadPlan<T> For(JsonSerializerOptions options)
        {
            ReadPlan<T>? plan = s_last;
            if (plan is null || plan.Options != options)
            {
                plan = Create(options);
                s_last = plan;
            }

            return plan;
        }

        private static ReadPlan<T> Create(JsonSerializerOptions options)
        {
            if (options.TypeInfoResolver is not ModelJsonResolver resolver)
            {
                return new ReadPlan<T>(options, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), memberFamily: null);
            }

            if (resolver.TryGetFamily(typeof(T), out IPolymorphicFamily? family))
            {
                // The native metadata of a family base rejects unknown discriminators, which would fail a whole list page.
                return new ReadPlan<T>(options, (JsonTypeInfo<T>)resolver.GetFamilyTypeInfo(family, options), memberFamily: null);
            }

            var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            return new ReadPlan<T>(options, typeInfo, resolver.TryGetFamilyOf(typeof(T), out IPolymorphicFamily? memberFamily) ? memberFamily : null);
        }
    }
}
