using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>What <see cref="UnreadableValues"/> needs of a property's <see cref="LenientPropertyConverter{T}"/>.</summary>
internal interface IUnreadableProperty
{
    /// <summary>The property's wire name.</summary>
    string Name { get; }

    /// <summary>Whether the model's property holds a value.</summary>
    bool HasValue(object model);
}

/// <summary>
/// Moves the raw JSON of a value a model property could not read (see <see cref="LenientPropertyConverter{T}"/>) into
/// <see cref="ExtensibleModel.AdditionalProperties"/> of the model it belongs to, under the property's wire name,
/// where it is written back unchanged — unless the property has a value by then, which wins.
/// </summary>
/// <remarks>
/// A converter does not see the object it reads for, so the value waits on the reading thread until System.Text.Json
/// has finished that object (<see cref="JsonTypeInfo.OnDeserialized"/>). Each object of a type with such properties
/// is a frame on the thread's stack from its start (<see cref="JsonTypeInfo.OnDeserializing"/>, called before its
/// first property is read: such types are built by a parameterless constructor, which <see cref="Attach"/> checks)
/// to its end; a property's value belongs to the innermost frame, which is its object even when a model contains a
/// model of its own type (an error's details, a stage's sub-stages). Reading an object is synchronous (the SDK reads
/// buffered bodies, never a stream), so nothing else runs on the thread in between. A failed read leaves its frames
/// behind, under those of later reads; they are dropped once there are more than a document can nest.
/// Nothing is allocated per model: set-aside values only when a value is unreadable.
/// </remarks>
internal static class UnreadableValues
{
    /// <summary>More frames than this are left over from failed reads: System.Text.Json nests at most 64 objects by default.</summary>
    private const int MaxFrames = 256;

    /// <summary>How many of the newest frames survive when the stack is trimmed.</summary>
    private const int KeptFrames = 128;

    [ThreadStatic]
    private static List<Frame>? t_frames;

    [ThreadStatic]
    private static List<Pending>? t_pending;

    [ThreadStatic]
    private static long t_lastFrame;

    /// <summary>
    /// Gives each property of <paramref name="info"/> whose converter (its own, or its type's through
    /// <paramref name="converterOfType"/>) is an <see cref="ILenientConverter"/> its lenient copy, and the type the
    /// callbacks that hand unreadable values to the object. Does nothing for a type without such properties.
    /// </summary>
    /// <param name="info">An object's metadata, not yet in use.</param>
    /// <param name="converterOfType">The converter System.Text.Json uses for a property type without a converter of its own, if it is lenient.</param>
    /// <exception cref="InvalidOperationException">The type is built by a constructor with parameters (there would be no object to hand a value to while they are read).</exception>
    public static void Attach(JsonTypeInfo info, Func<Type, ILenientConverter?> converterOfType)
    {
        List<IUnreadableProperty>? lenient = null;
        JsonPropertyInfo? extensionData = null;
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.IsExtensionData)
            {
                extensionData = property;
                continue;
            }

            ILenientConverter? converter = property.CustomConverter is null ? converterOfType(property.PropertyType) : property.CustomConverter as ILenientConverter;
            if (converter is null)
            {
                continue;
            }

            var copy = (IUnreadableProperty)converter.ForProperty(info.Type, property);
            property.CustomConverter = (System.Text.Json.Serialization.JsonConverter)copy;
            (lenient ??= new List<IUnreadableProperty>()).Add(copy);
        }

        if (lenient is null)
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.AssociatedParameter is not null)
            {
                throw new InvalidOperationException($"{info.Type.Name} has properties that may hold unreadable values, and is built by a constructor with parameters; give it a parameterless constructor ([JsonConstructor]).");
            }
        }

        Type owner = info.Type;
        Action<object>? deserializing = info.OnDeserializing;
        Action<object>? deserialized = info.OnDeserialized;
        info.OnDeserializing = model =>
        {
            Enter(model);
            deserializing?.Invoke(model);
        };
        info.OnDeserialized = model =>
        {
            Leave(model);
            deserialized?.Invoke(model);
        };

        // A property given a value after the read wins over the raw value kept for it: written without it.
        if (extensionData?.Get is { } getExtensionData)
        {
            IUnreadableProperty[] properties = lenient.ToArray();
            extensionData.Get = model => WithoutSuperseded(model, getExtensionData(model), properties);
        }
    }

    /// <summary>
    /// Sets aside the raw JSON of an unreadable value of <paramref name="property"/> for the <paramref name="owner"/> being read.
    /// </summary>
    /// <returns>False when no object of <paramref name="owner"/> is being read on this thread.</returns>
    public static bool SetAside(Type owner, IUnreadableProperty property, JsonElement raw)
    {
        List<Frame>? frames = t_frames;
        if (frames is null || frames.Count == 0 || frames[frames.Count - 1].Model.GetType() != owner)
        {
            return false;
        }

        (t_pending ??= new List<Pending>()).Add(new Pending(frames[frames.Count - 1].Id, property, raw));
        return true;
    }

    private static void Enter(object model)
    {
        List<Frame> frames = t_frames ??= new List<Frame>();
        if (frames.Count >= MaxFrames)
        {
            long oldestKept = frames[frames.Count - KeptFrames].Id;
            frames.RemoveRange(0, frames.Count - KeptFrames);
            t_pending?.RemoveAll(p => p.Frame < oldestKept);
        }

        frames.Add(new Frame(model, ++t_lastFrame));
    }

    private static void Leave(object model)
    {
        List<Frame>? frames = t_frames;
        if (frames is null)
        {
            return;
        }

        // Normally the top frame; frames above it would be left over from a failed read.
        int index = frames.Count - 1;
        while (index >= 0 && !ReferenceEquals(frames[index].Model, model))
        {
            index--;
        }

        if (index < 0)
        {
            return;
        }

        long id = frames[index].Id;
        frames.RemoveRange(index, frames.Count - index);
        List<Pending>? pending = t_pending;
        if (pending is null || pending.Count == 0)
        {
            return;
        }

        // In the order they were read, so that writing what was read is stable.
        int kept = 0;
        for (int i = 0; i < pending.Count; i++)
        {
            Pending value = pending[i];
            if (value.Frame < id)
            {
                pending[kept++] = value;
            }
            else if (value.Frame == id && model is ExtensibleModel extensible && !value.Property.HasValue(model))
            {
                // The same property twice in one object ({"t":"bad","t":5}): the value that was read wins, as the last
                // one would in System.Text.Json, and nothing is written twice.
                extensible.AdditionalProperties[value.Property.Name] = value.Raw;
            }
        }

        pending.RemoveRange(kept, pending.Count - kept);
    }

    /// <summary>The extension data to write: without the raw values of properties that have a value now.</summary>
    private static object? WithoutSuperseded(object model, object? extensionData, IUnreadableProperty[] properties)
    {
        if (extensionData is not IDictionary<string, JsonElement> { Count: > 0 } values)
        {
            return extensionData;
        }

        Dictionary<string, JsonElement>? kept = null;
        foreach (IUnreadableProperty property in properties)
        {
            if (values.ContainsKey(property.Name) && property.HasValue(model))
            {
                kept ??= new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
                kept.Remove(property.Name);
            }
        }

        return kept ?? extensionData;
    }

    private readonly struct Frame
    {
        public Frame(object model, long id)
        {
            Model = model;
            Id = id;
        }

        public object Model { get; }

        public long Id { get; }
    }

    private readonly struct Pending
    {
        public Pending(long frame, IUnreadableProperty property, JsonElement raw)
        {
            Frame = frame;
            Property = property;
            Raw = raw;
        }

        public long Frame { get; }

        public IUnreadableProperty Property { get; }

        public JsonElement Raw { get; }
    }
}
