using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// Wraps the source-generated contexts and attaches each polymorphic family's forward-compatible converter to every
/// property typed as that family's base, so an unknown discriminator anywhere in a document never fails a read; and
/// gives timestamps, durations, dates, URIs and open enums their lenient converters (<see cref="UnreadableValues"/>),
/// so one malformed value never fails a read either.
/// </summary>
internal sealed class ModelJsonResolver : IJsonTypeInfoResolver
{
    private readonly IJsonTypeInfoResolver _inner;
    private readonly Dictionary<Type, IPolymorphicFamily> _families = new();
    private readonly Dictionary<Type, JsonTypeInfo> _familyTypeInfos = new();
    private ReadOptionsPair? _readOptions;

    public ModelJsonResolver(IJsonTypeInfoResolver inner, IEnumerable<IPolymorphicFamily> families)
    {
        _inner = inner;
        foreach (IPolymorphicFamily family in families)
        {
            _families.Add(family.BaseType, family);
        }
    }

    /// <summary>
    /// The options to read a known polymorphic kind with: when its discriminator is the object's first property (as
    /// services write it), options without <see cref="JsonSerializerOptions.AllowOutOfOrderMetadataProperties"/>,
    /// which otherwise make System.Text.Json scan every polymorphic object (and everything nested in it) for its
    /// discriminator before reading it; else the options that allow it. Options this resolver did not create with
    /// <see cref="ModelSerialization.CreateOptions"/> are used as they are.
    /// </summary>
    public JsonSerializerOptions ReadOptions(JsonSerializerOptions options, bool discriminatorFirst)
    {
        ReadOptionsPair? pair = _readOptions;
        if (pair is null || (options != pair.InOrder && options != pair.OutOfOrder))
        {
            return options;
        }

        return discriminatorFirst ? pair.InOrder : pair.OutOfOrder;
    }

    /// <summary>Registers the two read-only options <see cref="ModelSerialization.CreateOptions"/> builds over this resolver.</summary>
    public void SetReadOptions(JsonSerializerOptions inOrder, JsonSerializerOptions outOfOrder) => _readOptions = new ReadOptionsPair(inOrder, outOfOrder);

    public bool TryGetFamily(Type baseType, out IPolymorphicFamily family) => _families.TryGetValue(baseType, out family!);

    /// <summary>Metadata for a family's base type that reads and writes through the family's converter (cached per options).</summary>
    public JsonTypeInfo GetFamilyTypeInfo(IPolymorphicFamily family, JsonSerializerOptions options)
    {
        lock (_familyTypeInfos)
        {
            if (!_familyTypeInfos.TryGetValue(family.BaseType, out JsonTypeInfo? info) || info.Options != options)
            {
                info = family.CreateTypeInfo(options);
                _familyTypeInfos[family.BaseType] = info;
            }

            return info;
        }
    }

    /// <summary>Finds the family <paramref name="type"/> belongs to, whether it is the family's base or derives from it.</summary>
    public bool TryGetFamilyOf(Type type, out IPolymorphicFamily family)
    {
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            if (_families.TryGetValue(current, out family!))
            {
                return true;
            }
        }

        family = null!;
        return false;
    }

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo? info = _inner.GetTypeInfo(type, options);
        if (info?.Kind == JsonTypeInfoKind.Object)
        {
            foreach (JsonPropertyInfo property in info.Properties)
            {
                if (property.CustomConverter is null && _families.TryGetValue(property.PropertyType, out IPolymorphicFamily? family))
                {
                    property.CustomConverter = family.Converter;
                }
            }

            UnreadableValues.Attach(info, propertyType => LenientConverterOf(propertyType, options));
        }

        return info;
    }

    /// <summary>
    /// The lenient converter System.Text.Json would use for a property of <paramref name="type"/> that has no converter
    /// of its own: <see cref="UriConverter"/> for <see cref="Uri"/>, the type's own for an open enum (or its nullable).
    /// </summary>
    private ILenientConverter? LenientConverterOf(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(Uri))
        {
            return UriConverter.Instance;
        }

        Type valueType = Nullable.GetUnderlyingType(type) ?? type;
        return valueType.IsValueType && valueType.Assembly == typeof(ModelJsonResolver).Assembly
            ? _inner.GetTypeInfo(valueType, options)?.Converter as ILenientConverter
            : null;
    }

    private sealed class ReadOptionsPair
    {
        public ReadOptionsPair(JsonSerializerOptions inOrder, JsonSerializerOptions outOfOrder)
        {
            InOrder = inOrder;
            OutOfOrder = outOfOrder;
        }

        public JsonSerializerOptions InOrder { get; }

        public JsonSerializerOptions OutOfOrder { get; }
    }
}
