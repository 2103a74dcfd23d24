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
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions options) =>
        options.TypeInfoResolver is ModelJsonResolver resolver && resolver.TryGetFamily(typeof(T), out IPolymorphicFamily? family)
            ? (JsonTypeInfo<T>)resolver.GetFamilyTypeInfo(family, options)
            : (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>Reads a document whose root may itself be a polymorphic base (which then also tolerates unknown discriminators).</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is ModelJsonResolver resolver && resolver.TryGetFamily(typeof(T), out IPolymorphicFamily? family))
        {
            // Through the serializer's entry point, which also turns the reader's own errors (a lone surrogate escape,
            // a number out of range) into JsonException.
            return JsonSerializer.Deserialize(utf8Json, (JsonTypeInfo<T>)resolver.GetFamilyTypeInfo(family, options));
        }

        T? model = JsonSerializer.Deserialize(utf8Json, GetTypeInfo<T>(options));
        if (model is ExtensibleModel member && options.TypeInfoResolver is ModelJsonResolver members && members.TryGetFamilyOf(typeof(T), out IPolymorphicFamily? memberFamily))
        {
            memberFamily.OnReadAsMember(member, options);
        }

        return model;
    }

    /// <summary>Writes a model; a member of a polymorphic family is written through its base so it carries its discriminator.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonSerializerOptions options)
    {
        if (value is not null && options.TypeInfoResolver is ModelJsonResolver resolver && resolver.TryGetFamilyOf(typeof(T), out IPolymorphicFamily? family))
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(family.BaseType));
        }

        return JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo<T>(options));
    }
}
